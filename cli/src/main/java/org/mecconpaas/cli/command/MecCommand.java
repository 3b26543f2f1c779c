package org.mecconpaas.cli.command;

import java.io.PrintWriter;
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
}
