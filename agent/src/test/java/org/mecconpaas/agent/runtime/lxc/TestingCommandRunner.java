package org.mecconpaas.agent.runtime.lxc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Records command lines and answers them with a hook (default: exit 0, no output). */
final class TestingCommandRunner implements CommandRunner {

  final List<List<String>> commands = new ArrayList<>();
  Function<List<String>, Result> answer = command -> new Result(0, "");

  @Override
  public Result run(List<String> command, Duration timeout) {
    commands.add(List.copyOf(command));
    return answer.apply(command);
  }

  List<String> joined() {
    return commands.stream().map(c -> String.join(" ", c)).toList();
  }
}
