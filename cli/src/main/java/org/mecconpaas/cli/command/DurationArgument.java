package org.mecconpaas.cli.command;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A length of time on the command line: {@code 90} or {@code 90s}, {@code 10m}, {@code 2h}. */
public final class DurationArgument implements ITypeConverter<Duration> {

  private static final Pattern FORMAT = Pattern.compile("([0-9]{1,9})([smh]?)");

  @Override
  public Duration convert(String value) {
    Matcher matcher = FORMAT.matcher(value.strip().toLowerCase(Locale.ROOT));
    if (!matcher.matches()) {
      throw new TypeConversionException("'" + value + "' is not a duration such as 90s, 10m or 2h");
    }
    long amount = Long.parseLong(matcher.group(1));
    return switch (matcher.group(2)) {
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofSeconds(amount);
    };
  }

  /** The duration as it could have been typed: "10m", "90s", "2h". */
  static String format(Duration duration) {
    long seconds = duration.getSeconds();
    if (seconds > 0 && seconds % 3600 == 0) {
      return seconds / 3600 + "h";
    }
    if (seconds > 0 && seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
