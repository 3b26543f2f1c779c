package org.mecconpaas.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.mecconpaas.cli.client.ApiException;
import org.mecconpaas.cli.client.FieldError;
import org.mecconpaas.cli.client.MasterUnreachableException;
import org.mecconpaas.cli.client.UnexpectedAnswerException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns what went wrong into an {@code error:} line on stderr and an exit code that tells a script
 * whom to blame: {@value #REJECTED} when the request was wrong (4xx, or caught by the CLI), {@value
 * #UNAVAILABLE} when the master could not be reached or failed (5xx) so retrying may help. Usage
 * errors keep picocli's own code. No stack traces: they mean nothing to the user.
 */
public final class ErrorReporter implements IExecutionExceptionHandler {

  public static final int REJECTED = 1;
  public static final int UNAVAILABLE = 2;

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
    PrintWriter err = command.getErr();
    int exitCode = report(e, command, err);
    err.flush();
    return exitCode;
  }

  private static int report(Exception e, CommandLine command, PrintWriter err) {
    if (e instanceof ApiException api) {
      err.println("error: " + api.detail());
      for (FieldError field : api.errors()) {
        err.println("  " + (field.field() == null ? "-" : field.field()) + ": " + field.message());
      }
      if (api.status() == 401 && !"login".equals(command.getCommandName())) {
        err.println("(the saved token is unknown, expired or revoked: run 'mec login' again)");
      }
      return api.isClientError() ? REJECTED : UNAVAILABLE;
    }
    if (e instanceof MasterUnreachableException || e instanceof UnexpectedAnswerException) {
      err.println("error: " + e.getMessage());
      return UNAVAILABLE;
    }
    if (e instanceof CliException || e instanceof UncheckedIOException) {
      err.println("error: " + e.getMessage());
      return REJECTED;
    }
    err.println("error: internal error in mec: " + e);
    if (System.getenv("MEC_DEBUG") != null) {
      e.printStackTrace(err);
    }
    return REJECTED;
  }
}
