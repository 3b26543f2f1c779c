package org.mecconpaas.cli.command;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mecconpaas.cli.client.Requests.Near;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A point on the command line, {@code LAT,LON} in degrees, optionally with a radius in meters:
 * {@code 52.16,4.49,300}. Only the form is checked here; the master checks the ranges and answers
 * 422 with the field, as it does for every other client.
 */
public final class NearArgument implements ITypeConverter<Near> {

  private static final String NUMBER = "\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*";
  private static final Pattern FORMAT =
      Pattern.compile(NUMBER + "," + NUMBER + "(?:," + NUMBER + ")?");

  @Override
  public Near convert(String value) {
    Matcher matcher = FORMAT.matcher(value);
    if (!matcher.matches()) {
      throw new TypeConversionException(
          "'" + value + "' is not LAT,LON[,RADIUS_M] in degrees and meters, e.g. 52.16,4.49,300");
    }
    String radius = matcher.group(3);
    return new Near(
        Double.parseDouble(matcher.group(1)),
        Double.parseDouble(matcher.group(2)),
        radius == null ? null : Double.valueOf(radius));
  }
}
