package org.mecconpaas.portal.interfaces.web;

import java.util.List;

/**
 * A Flink job's arguments as the submit form takes them: one argument per line, so an argument may
 * hold spaces. Blank lines are skipped and each line is trimmed (a pasted line keeps no stray
 * blanks or carriage return).
 */
public final class JobArguments {
  private JobArguments() {}

  public static List<String> parse(String text) {
    if (text == null) {
      return List.of();
    }
    return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
  }
}
