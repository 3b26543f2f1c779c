package org.mecconpaas.cli.output;

import java.io.PrintWriter;
import java.util.function.Consumer;
import org.mecconpaas.cli.client.JsonDocument;

/**
 * Where a command's result goes. With {@code --json} stdout gets the master's JSON exactly as sent
 * and nothing else (no notes, no tables), so it can be piped into {@code jq}; otherwise the
 * command's human view runs.
 */
public final class Output {

  private final PrintWriter out;
  private final boolean json;

  public Output(PrintWriter out, boolean json) {
    this.out = out;
    this.json = json;
  }

  public boolean json() {
    return json;
  }

  public PrintWriter out() {
    return out;
  }

  /** Prints {@code answer} as JSON, or hands it to {@code humanView}. */
  public void show(JsonDocument answer, Consumer<JsonDocument> humanView) {
    if (json) {
      printJson(answer.text());
    } else {
      humanView.accept(answer);
    }
    out.flush();
  }

  /** A short confirmation for people, such as "deleted application shop"; silent with --json. */
  public void note(String message) {
    if (!json) {
      out.println(message);
      out.flush();
    }
  }

  /** JSON the CLI had to build itself, such as a login answer without its secret. */
  public void printJson(String text) {
    printText(text);
  }

  /**
   * Text that is the same for people and scripts, such as log lines: printed as is, with or without
   * {@code --json}, ending with a line break unless empty.
   */
  public void printText(String text) {
    if (text.isEmpty()) {
      return;
    }
    out.print(text);
    if (!text.endsWith("\n")) {
      out.println();
    }
    out.flush();
  }
}
