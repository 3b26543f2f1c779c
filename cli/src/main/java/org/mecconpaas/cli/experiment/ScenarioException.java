package org.mecconpaas.cli.experiment;

import java.util.List;
import org.mecconpaas.cli.CliException;

/** A scenario file the CLI refuses, with every problem found; nothing was deployed. */
public final class ScenarioException extends CliException {
  private final List<String> problems;

  public ScenarioException(String source, List<String> problems) {
    super(message(source, problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  private static String message(String source, List<String> problems) {
    StringBuilder text = new StringBuilder(source).append(" is not a valid scenario");
    if (problems.size() == 1) {
      return text.append(": ").append(problems.get(0)).toString();
    }
    text.append(" (").append(problems.size()).append(" problems):");
    problems.forEach(p -> text.append("\n  ").append(p));
    return text.toString();
  }
}
