package org.mecconpaas.cli.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of YAML that scenario files need, since the CLI carries no YAML library: block mappings
 * and sequences by indentation (spaces only), {@code - key: value} items, flow collections on one
 * line ({@code [0.5, 2]}, {@code {master: 1}}), plain, single- and double-quoted scalars, {@code #}
 * comments and a leading {@code ---}. Anchors, tags, multi-line scalars and several documents are
 * refused with the line they are on. The result is a tree of {@link LinkedHashMap}, {@link List},
 * {@link String} and {@code null}; types are the scenario reader's business.
 */
final class YamlSubset {
  private record Line(int number, int indent, String text) {}

  private final List<Line> lines = new ArrayList<>();
  private int next;

  private YamlSubset(String text) {
    String[] raw = text.replace("\r\n", "\n").split("\n", -1);
    for (int i = 0; i < raw.length; i++) {
      String line = stripComment(raw[i], i + 1);
      if (line.isBlank() || (lines.isEmpty() && line.strip().equals("---"))) {
        continue;
      }
      int indent = 0;
      while (indent < line.length() && line.charAt(indent) == ' ') {
        indent++;
      }
      if (line.charAt(indent) == '\t') {
        throw error(i + 1, "tabs cannot indent YAML; use spaces");
      }
      lines.add(new Line(i + 1, indent, line.strip()));
    }
  }

  /** The document's tree; an empty document is {@code null}. */
  static Object parse(String text) {
    YamlSubset parser = new YamlSubset(text);
    if (parser.lines.isEmpty()) {
      return null;
    }
    Object value = parser.block(parser.lines.get(0).indent());
    if (parser.next < parser.lines.size()) {
      Line stray = parser.lines.get(parser.next);
      throw error(stray.number(), "unexpected indentation or content: " + stray.text());
    }
    return value;
  }

  private Object block(int indent) {
    Line line = lines.get(next);
    if (isItem(line.text())) {
      return sequence(indent);
    }
    return mapping(indent);
  }

  private Map<String, Object> mapping(int indent) {
    Map<String, Object> map = new LinkedHashMap<>();
    while (next < lines.size()) {
      Line line = lines.get(next);
      if (line.indent() < indent) {
        break;
      }
      if (line.indent() > indent) {
        throw error(line.number(), "unexpected indentation: " + line.text());
      }
      if (isItem(line.text())) {
        break;
      }
      int colon = keyColon(line.text());
      if (colon < 0) {
        throw error(line.number(), "expected 'key: value': " + line.text());
      }
      String key = scalar(line.text().substring(0, colon).strip(), line.number());
      if (key == null || key.isEmpty()) {
        throw error(line.number(), "empty key");
      }
      if (map.containsKey(key)) {
        throw error(line.number(), "key '" + key + "' appears twice");
      }
      String rest = line.text().substring(colon + 1).strip();
      next++;
      map.put(key, rest.isEmpty() ? nested(indent, true) : inline(rest, line.number()));
    }
    return map;
  }

  private List<Object> sequence(int indent) {
    List<Object> list = new ArrayList<>();
    while (next < lines.size()) {
      Line line = lines.get(next);
      if (line.indent() != indent || !isItem(line.text())) {
        if (line.indent() > indent) {
          throw error(line.number(), "unexpected indentation: " + line.text());
        }
        break;
      }
      String rest = line.text().substring(1).strip();
      if (rest.isEmpty()) {
        next++;
        list.add(nested(indent, false));
      } else if (!startsFlowOrQuote(rest) && keyColon(rest) >= 0) {
        // "- key: value": a mapping whose keys line up with this first one
        int itemIndent = indent + line.text().indexOf(rest);
        lines.set(next, new Line(line.number(), itemIndent, rest));
        list.add(mapping(itemIndent));
      } else {
        next++;
        list.add(inline(rest, line.number()));
      }
    }
    return list;
  }

  /** The value of a key or item written on the following lines, if any. */
  private Object nested(int indent, boolean sequenceMayAlign) {
    if (next >= lines.size()) {
      return null;
    }
    Line following = lines.get(next);
    if (following.indent() > indent) {
      return block(following.indent());
    }
    if (sequenceMayAlign && following.indent() == indent && isItem(following.text())) {
      return sequence(indent);
    }
    return null;
  }

  private static Object inline(String text, int lineNumber) {
    if (text.startsWith("[") || text.startsWith("{")) {
      FlowParser flow = new FlowParser(text, lineNumber);
      Object value = flow.value();
      flow.end();
      return value;
    }
    if (text.startsWith("&") || text.startsWith("*") || text.startsWith("!")) {
      throw error(lineNumber, "anchors, aliases and tags are not supported: " + text);
    }
    if (text.startsWith("|") || text.startsWith(">")) {
      throw error(lineNumber, "multi-line scalars are not supported: " + text);
    }
    return scalar(text, lineNumber);
  }

  /** A plain or quoted scalar; {@code ~}, {@code null} and nothing are null. */
  static String scalar(String text, int lineNumber) {
    if (text.isEmpty() || text.equals("~") || text.equals("null")) {
      return null;
    }
    char first = text.charAt(0);
    if (first == '"' || first == '\'') {
      if (text.length() < 2 || text.charAt(text.length() - 1) != first) {
        throw error(lineNumber, "unterminated quoted string: " + text);
      }
      String body = text.substring(1, text.length() - 1);
      return first == '\'' ? body.replace("''", "'") : unescape(body, lineNumber);
    }
    return text;
  }

  private static String unescape(String body, int lineNumber) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (++i >= body.length()) {
        throw error(lineNumber, "a string ends with a backslash");
      }
      char e = body.charAt(i);
      switch (e) {
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case '"', '\\', '/' -> out.append(e);
        default -> throw error(lineNumber, "unsupported escape \\" + e);
      }
    }
    return out.toString();
  }

  private static boolean isItem(String text) {
    return text.equals("-") || text.startsWith("- ");
  }

  private static boolean startsFlowOrQuote(String text) {
    char first = text.charAt(0);
    return first == '[' || first == '{' || first == '"' || first == '\'';
  }

  /** Where the key of {@code key: value} ends: a colon followed by a space or the line's end. */
  private static int keyColon(String text) {
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = i == 0 ? c : 0;
      } else if (c == ':' && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
        return i;
      }
    }
    return -1;
  }

  /** Cuts a {@code #} comment: at the start, or after a space, outside quotes. */
  private static String stripComment(String line, int lineNumber) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == '\\' && quote == '"') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        boolean opens = i == 0 || " [{,:-".indexOf(line.charAt(i - 1)) >= 0;
        quote = opens ? c : 0;
      } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return stripTrailing(line.substring(0, i));
      }
    }
    return stripTrailing(line);
  }

  private static String stripTrailing(String text) {
    return text.stripTrailing();
  }

  static IllegalArgumentException error(int line, String message) {
    return new IllegalArgumentException("line " + line + ": " + message);
  }

  /** One line's flow collection: {@code [a, b]}, {@code {k: v}}, nested. */
  private static final class FlowParser {
    private final String text;
    private final int lineNumber;
    private int at;

    FlowParser(String text, int lineNumber) {
      this.text = text;
      this.lineNumber = lineNumber;
    }

    Object value() {
      skipSpaces();
      if (at >= text.length()) {
        throw error(lineNumber, "a flow collection ends too early: " + text);
      }
      char c = text.charAt(at);
      if (c == '[') {
        return list();
      }
      if (c == '{') {
        return map();
      }
      return scalarUntil(",]}");
    }

    void end() {
      skipSpaces();
      if (at != text.length()) {
        throw error(lineNumber, "unexpected text after a flow collection: " + text.substring(at));
      }
    }

    private List<Object> list() {
      List<Object> list = new ArrayList<>();
      at++;
      skipSpaces();
      if (peek() == ']') {
        at++;
        return list;
      }
      while (true) {
        list.add(value());
        skipSpaces();
        char c = take();
        if (c == ']') {
          return list;
        }
        if (c != ',') {
          throw error(lineNumber, "expected ',' or ']' in " + text);
        }
      }
    }

    private Map<String, Object> map() {
      Map<String, Object> map = new LinkedHashMap<>();
      at++;
      skipSpaces();
      if (peek() == '}') {
        at++;
        return map;
      }
      while (true) {
        skipSpaces();
        String key = scalarUntil(":,}");
        if (key == null || take() != ':') {
          throw error(lineNumber, "expected 'key: value' in " + text);
        }
        if (map.put(key, value()) != null) {
          throw error(lineNumber, "key '" + key + "' appears twice");
        }
        skipSpaces();
        char c = take();
        if (c == '}') {
          return map;
        }
        if (c != ',') {
          throw error(lineNumber, "expected ',' or '}' in " + text);
        }
      }
    }

    private String scalarUntil(String stops) {
      skipSpaces();
      int start = at;
      char first = peek();
      if (first == '"' || first == '\'') {
        at++;
        while (at < text.length() && text.charAt(at) != first) {
          at += text.charAt(at) == '\\' && first == '"' ? 2 : 1;
        }
        at++;
        if (at > text.length()) {
          throw error(lineNumber, "unterminated quoted string in " + text);
        }
        return scalar(text.substring(start, at), lineNumber);
      }
      while (at < text.length() && stops.indexOf(text.charAt(at)) < 0) {
        at++;
      }
      return scalar(text.substring(start, at).strip(), lineNumber);
    }

    private char peek() {
      return at < text.length() ? text.charAt(at) : 0;
    }

    private char take() {
      if (at >= text.length()) {
        throw error(lineNumber, "a flow collection ends too early: " + text);
      }
      return text.charAt(at++);
    }

    private void skipSpaces() {
      while (at < text.length() && text.charAt(at) == ' ') {
        at++;
      }
    }
  }
}
