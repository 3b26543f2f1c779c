package org.mecconpaas.cli.command;

import java.util.ArrayList;
import java.util.List;

/**
 * Follows a log through repeated tails: each fetch is the last N lines, so the lines not printed
 * yet are those after the longest run that ends the previous fetch and starts this one. A line
 * still being written (no line break yet) is held back until it is complete, so it is printed once,
 * whole. When nothing overlaps (more than N new lines, or the log started over) the whole fetch is
 * new. Identical lines appended in a full window cannot be told from no change; the master offers
 * no offsets, and this is simple.
 */
final class LogTail {

  private List<String> previous = List.of();

  /** The complete lines of {@code text} that earlier calls have not returned. */
  List<String> newLines(String text) {
    List<String> current = completeLines(text);
    int overlap = overlap(previous, current);
    previous = current;
    return current.subList(overlap, current.size());
  }

  /** The largest k such that the last k lines of {@code before} are the first k of {@code now}. */
  static int overlap(List<String> before, List<String> now) {
    for (int k = Math.min(before.size(), now.size()); k > 0; k--) {
      if (before.subList(before.size() - k, before.size()).equals(now.subList(0, k))) {
        return k;
      }
    }
    return 0;
  }

  static List<String> completeLines(String text) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      int stop = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
      lines.add(text.substring(start, stop));
      start = end + 1;
    }
    return lines;
  }
}
