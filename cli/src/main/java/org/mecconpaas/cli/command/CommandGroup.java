package org.mecconpaas.cli.command;

import picocli.CommandLine.ParameterException;

/**
 * A noun such as {@code app} whose verbs are its command methods; alone it is a usage error, so
 * {@code mec app} prints the verbs instead of doing nothing.
 */
abstract class CommandGroup extends MecCommand implements Runnable {

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing required subcommand");
  }
}
