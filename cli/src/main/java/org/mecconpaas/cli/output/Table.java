package org.mecconpaas.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rows under a header, each column as wide as its widest cell, two spaces apart, like {@code
 * kubectl get}. The last column is not padded, so lines carry no trailing blanks.
 */
public final class Table {

  private static final String GAP = "  ";

  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  public Table(String... headers) {
    this.headers = List.of(headers);
  }

  /** Adds a row; {@code null} cells print as "-", missing cells as nothing. */
  public Table row(String... cells) {
    if (cells.length > headers.size()) {
      throw new IllegalArgumentException(
          "row has " + cells.length + " cells for " + headers.size() + " columns");
    }
    List<String> row = new ArrayList<>(Arrays.asList(cells));
    row.replaceAll(cell -> cell == null ? "-" : singleLine(cell));
    while (row.size() < headers.size()) {
      row.add("");
    }
    rows.add(row);
    return this;
  }

  public int size() {
    return rows.size();
  }

  public void print(PrintWriter out) {
    int[] widths = new int[headers.size()];
    measure(headers, widths);
    rows.forEach(row -> measure(row, widths));
    printLine(out, headers, widths);
    rows.forEach(row -> printLine(out, row, widths));
    out.flush();
  }

  private static void measure(List<String> cells, int[] widths) {
    for (int i = 0; i < cells.size(); i++) {
      widths[i] = Math.max(widths[i], cells.get(i).length());
    }
  }

  private static void printLine(PrintWriter out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      line.append(cell);
      if (i < cells.size() - 1) {
        line.append(" ".repeat(widths[i] - cell.length())).append(GAP);
      }
    }
    out.println(line.toString().stripTrailing());
  }

  // A newline inside a cell (say, in an event's detail) would break every column after it.
  private static String singleLine(String cell) {
    return cell.replaceAll("[\\r\\n\\t]+", " ");
  }
}
