package org.mecconpaas.catalog;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A setting users may give a service of a type, with what a valid value looks like. Role scripts
 * get a set one as {@code MEC_SETTING_<NAME>}; they may trust it, since only values passing {@link
 * #violation} are stored.
 *
 * @param name e.g. {@code memory_limit}
 * @param format the whole value must match; its first group, when there is one, is the number
 *     checked against {@code min} and {@code max}
 * @param example a valid value, for messages and docs
 */
public record SettingSpec(
    String name, String description, String format, long min, long max, String example) {

  public SettingSpec {
    if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("setting name " + name);
    }
    Pattern.compile(format);
  }

  /** A number of megabytes written as PHP does, e.g. {@code 128M}. */
  public static SettingSpec megabytes(String name, String description, long min, long max) {
    return new SettingSpec(name, description, "([0-9]{1,6})M", min, max, min + "M");
  }

  public static SettingSpec integer(String name, String description, long min, long max) {
    return new SettingSpec(name, description, "([0-9]{1,9})", min, max, Long.toString(min));
  }

  public static SettingSpec choice(String name, String description, String... values) {
    return new SettingSpec(name, description, String.join("|", values), 0, 0, values[0]);
  }

  /** The environment variable role scripts read. */
  public String environmentName() {
    return "MEC_SETTING_" + name.toUpperCase(java.util.Locale.ROOT);
  }

  /** What is wrong with the value, or empty when it is valid. */
  public Optional<String> violation(String value) {
    Matcher matcher = Pattern.compile(format).matcher(value == null ? "" : value);
    if (!matcher.matches()) {
      return Optional.of(name + " must look like " + example + " (" + format + ")");
    }
    if (matcher.groupCount() >= 1 && matcher.group(1) != null) {
      long number = Long.parseLong(matcher.group(1));
      if (number < min || number > max) {
        return Optional.of(name + " must be between " + min + " and " + max);
      }
    }
    return Optional.empty();
  }
}
