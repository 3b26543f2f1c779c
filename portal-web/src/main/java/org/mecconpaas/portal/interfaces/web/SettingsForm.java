package org.mecconpaas.portal.interfaces.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.mecconpaas.catalog.SettingSpec;

/**
 * The settings form of a service whose type has settings: one field per setting the catalog allows,
 * holding what the user typed, and the change a save sends. An empty field means "not set" (the
 * role's own default), so emptying a set one removes it.
 */
public final class SettingsForm implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The id of a free value's text input inside the repeat. */
  public static final String TEXT_INPUT = "value";

  /** The id of a choice setting's menu inside the repeat. */
  public static final String CHOICE_INPUT = "choice";

  /** One setting: what it is, what is stored, what the user typed. */
  public static final class Field implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String description;
    private final String hint;
    private final String example;
    private final List<String> choices;
    private final String stored;
    private String value;

    Field(SettingSpec spec, String stored) {
      this.name = spec.name();
      this.description = spec.description();
      this.example = spec.example();
      this.choices = choicesOf(spec);
      this.hint = hintOf(spec, choices);
      this.stored = stored;
      this.value = stored;
    }

    public String getName() {
      return name;
    }

    public String getDescription() {
      return description;
    }

    /** What a valid value looks like, e.g. "16 to 1024, e.g. 16M". */
    public String getHint() {
      return hint;
    }

    public String getExample() {
      return example;
    }

    /** The values of a choice setting (e.g. Off, On); empty for a free value. */
    public List<String> getChoices() {
      return choices;
    }

    /** The stored value, or null when the setting is not set. */
    public String getStored() {
      return stored;
    }

    public String getValue() {
      return value;
    }

    public void setValue(String value) {
      this.value = value;
    }

    /** What was typed, trimmed; null for nothing. */
    String typed() {
      return value == null || value.isBlank() ? null : value.trim();
    }
  }

  private final List<Field> fields;

  private SettingsForm(List<Field> fields) {
    this.fields = fields;
  }

  /** The form for a type's settings, filled with what the service has stored. */
  public static SettingsForm of(List<SettingSpec> specs, Map<String, String> stored) {
    List<Field> fields = new ArrayList<>();
    for (SettingSpec spec : specs) {
      fields.add(new Field(spec, stored.get(spec.name())));
    }
    return new SettingsForm(List.copyOf(fields));
  }

  public List<Field> getFields() {
    return fields;
  }

  /**
   * What a save sends to the manager: the settings whose value changed, a null value for one that
   * was emptied. Empty when nothing changed.
   */
  public Map<String, String> changes() {
    Map<String, String> changes = new LinkedHashMap<>();
    for (Field field : fields) {
      String typed = field.typed();
      if (!Objects.equals(typed, field.getStored())) {
        changes.put(field.getName(), typed);
      }
    }
    return changes;
  }

  /**
   * Each setting's name to the client id of its input ({@link #TEXT_INPUT} or {@link
   * #CHOICE_INPUT}), for messages next to the field.
   *
   * @param repeatId the client id of the {@code ui:repeat} over {@link #getFields()}, e.g. {@code
   *     tabs:settings:fields}
   */
  public Map<String, String> clientIds(String repeatId) {
    Map<String, String> ids = new LinkedHashMap<>();
    for (int i = 0; i < fields.size(); i++) {
      Field field = fields.get(i);
      String input = field.getChoices().isEmpty() ? TEXT_INPUT : CHOICE_INPUT;
      ids.put(field.getName(), repeatId + ":" + i + ":" + input);
    }
    return ids;
  }

  /** A choice setting's format is its values joined by '|', e.g. {@code Off|On}. */
  static List<String> choicesOf(SettingSpec spec) {
    if (!spec.format().matches("[A-Za-z0-9_.-]+(\\|[A-Za-z0-9_.-]+)+")) {
      return List.of();
    }
    return List.copyOf(Arrays.asList(spec.format().split("\\|")));
  }

  private static String hintOf(SettingSpec spec, List<String> choices) {
    if (!choices.isEmpty()) {
      return String.join(" or ", choices);
    }
    if (spec.min() < spec.max()) {
      return spec.min() + " to " + spec.max() + ", e.g. " + spec.example();
    }
    return "e.g. " + spec.example();
  }
}
