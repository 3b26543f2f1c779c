package org.mecconpaas.cli.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed reading of a parsed scenario (maps, lists, strings) that notes every problem with its path,
 * e.g. {@code services[0].placement.policy}, instead of stopping at the first one.
 */
final class Tree {
  private final List<String> problems = new ArrayList<>();

  List<String> problems() {
    return problems;
  }

  void problem(String path, String message) {
    problems.add(path + ": " + message);
  }

  /** The mapping at {@code path}, refusing keys outside {@code allowed}; null when absent. */
  @SuppressWarnings("unchecked")
  Map<String, Object> mapping(Object value, String path, Set<String> allowed) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map<?, ?> map)) {
      problem(path.isEmpty() ? "scenario" : path, "expected a mapping of fields");
      return null;
    }
    Set<String> unknown = new TreeSet<>(((Map<String, Object>) map).keySet());
    unknown.removeAll(allowed);
    for (String key : unknown) {
      problem(
          join(path, key),
          "unknown field (known: " + String.join(", ", new TreeSet<>(allowed)) + ")");
    }
    return (Map<String, Object>) map;
  }

  List<?> list(Object value, String path) {
    if (value == null) {
      return null;
    }
    if (value instanceof List<?> list) {
      return list;
    }
    problem(path, "expected a list");
    return null;
  }

  String string(Object value, String path) {
    if (value == null) {
      return null;
    }
    if (value instanceof String text) {
      return text;
    }
    problem(path, "expected a single value, not a list or mapping");
    return null;
  }

  String required(Object value, String path) {
    String text = string(value, path);
    if (text == null && value == null) {
      problem(path, "required");
    }
    return text;
  }

  Double number(Object value, String path) {
    String text = string(value, path);
    if (text == null) {
      return null;
    }
    try {
      double number = Double.parseDouble(text);
      if (Double.isFinite(number)) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problem(path, "expected a number, got '" + text + "'");
    return null;
  }

  /** A number strictly above zero (or at least zero when {@code zeroAllowed}). */
  Double positive(Object value, String path, boolean zeroAllowed) {
    Double number = number(value, path);
    if (number != null && (number < 0 || (!zeroAllowed && number == 0))) {
      problem(
          path,
          "must be " + (zeroAllowed ? "zero or more" : "more than zero") + ", got " + text(number));
      return null;
    }
    return number;
  }

  Long integer(Object value, String path) {
    String text = string(value, path);
    if (text == null) {
      return null;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      problem(path, "expected a whole number, got '" + text + "'");
      return null;
    }
  }

  Boolean bool(Object value, String path) {
    String text = string(value, path);
    if (text == null) {
      return null;
    }
    return switch (text) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> {
        problem(path, "expected true or false, got '" + text + "'");
        yield null;
      }
    };
  }

  /** A pair {@code [low, high]} with 0 <= low <= high (low > 0 unless {@code zeroAllowed}). */
  List<Double> range(Object value, String path, boolean zeroAllowed) {
    List<?> list = list(value, path);
    if (list == null) {
      return null;
    }
    if (list.size() != 2) {
      problem(path, "expected [low, high]");
      return null;
    }
    Double low = positive(list.get(0), path + "[0]", zeroAllowed);
    Double high = positive(list.get(1), path + "[1]", zeroAllowed);
    if (low == null || high == null) {
      return null;
    }
    if (low > high) {
      problem(path, "low " + text(low) + " is above high " + text(high));
      return null;
    }
    return List.of(low, high);
  }

  static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static String text(double number) {
    return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
  }
}
