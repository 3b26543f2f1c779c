package org.mecconpaas.cli.command;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mecconpaas.cli.CliException;
import org.mecconpaas.cli.Environment;
import org.mecconpaas.cli.Mec;
import org.mecconpaas.cli.client.MasterClient;
import org.mecconpaas.cli.output.Output;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** What every top-level subcommand reaches through the root: client, output, environment. */
abstract class MecCommand {

  @ParentCommand Mec mec;

  @Spec CommandSpec spec;

  MasterClient master() {
    return mec.master();
  }

  Output output() {
    return mec.output();
  }

  PrintWriter out() {
    return output().out();
  }

  /** stderr, for progress and hints that must not end up in piped output. */
  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  Environment environment() {
    return mec.environment();
  }

  Environment.Clock clock() {
    return environment().clock();
  }

  /**
   * Where a download goes. An explicit -o wins (a directory takes the file name); otherwise the
   * master's name is used in the working directory but never overwrites a file, since the user did
   * not name it and may not expect it to be replaced.
   *
   * @param suggested the master's file name, or {@code null} when it sent none
   * @param fallback the name to use when the master suggests none
   */
  Path downloadDestination(Path output, String suggested, String fallback) {
    String name = suggested != null ? suggested : fallback;
    if (output != null) {
      Path chosen = environment().resolve(output);
      return Files.isDirectory(chosen) ? chosen.resolve(name) : chosen;
    }
    Path target = environment().workingDirectory().resolve(name);
    if (Files.exists(target)) {
      throw new CliException(target + " already exists; choose where to write with -o FILE");
    }
    return target;
  }
}
