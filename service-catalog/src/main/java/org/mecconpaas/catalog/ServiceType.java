package org.mecconpaas.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Descriptor of one catalog entry: what a service of this type is made of.
 *
 * @param name the type's identifier in the API, e.g. {@code flink}
 * @param title short human name
 * @param description one paragraph for the catalog page
 * @param roles the roles in the order they are started
 * @param codeFormats archive formats accepted for code uploads; empty when the type takes no code
 * @param settings what users may set for the roles (validated; empty for most types)
 * @param autoscaledRole the role an autoscaling policy scales by default, or null when the type
 *     does not autoscale
 */
public record ServiceType(
    String name,
    String title,
    String description,
    List<RoleSpec> roles,
    Set<CodeFormat> codeFormats,
    List<SettingSpec> settings,
    String autoscaledRole) {

  public ServiceType {
    roles = List.copyOf(roles);
    codeFormats = Set.copyOf(codeFormats);
    settings = List.copyOf(settings);
  }

  public ServiceType(
      String name,
      String title,
      String description,
      List<RoleSpec> roles,
      Set<CodeFormat> codeFormats) {
    this(name, title, description, roles, codeFormats, List.of(), null);
  }

  public ServiceType withSettings(SettingSpec... specs) {
    return new ServiceType(
        name, title, description, roles, codeFormats, List.of(specs), autoscaledRole);
  }

  public ServiceType autoscaling(String role) {
    return new ServiceType(name, title, description, roles, codeFormats, settings, role);
  }

  public Optional<SettingSpec> setting(String settingName) {
    return settings.stream().filter(s -> s.name().equals(settingName)).findFirst();
  }

  public Optional<RoleSpec> role(String roleName) {
    return roles.stream().filter(r -> r.name().equals(roleName)).findFirst();
  }

  /** Role name to instance count of a freshly created service. */
  public Map<String, Integer> defaultStartSet() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    roles.forEach(r -> counts.put(r.name(), r.startCount()));
    return counts;
  }

  public boolean accepts(CodeFormat format) {
    return codeFormats.contains(format);
  }

  /**
   * Checks requested role counts against this type's bounds. Roles left out keep their current
   * count, so only the named ones are checked.
   *
   * @return one message per problem; empty when the counts are acceptable
   */
  public List<String> violations(Map<String, Integer> requestedCounts) {
    List<String> problems = new ArrayList<>();
    requestedCounts.forEach(
        (roleName, count) -> {
          Optional<RoleSpec> role = role(roleName);
          if (role.isEmpty()) {
            problems.add("service type " + name + " has no role '" + roleName + "'");
          } else if (count == null || count < role.get().min() || count > role.get().max()) {
            problems.add(
                "role "
                    + roleName
                    + " takes between "
                    + role.get().min()
                    + " and "
                    + role.get().max()
                    + " instances, not "
                    + count);
          }
        });
    return problems;
  }
}
