package org.mecconpaas.cli.command;

import java.nio.file.Path;
import java.time.Duration;
import org.mecconpaas.cli.CliException;
import org.mecconpaas.cli.NotLoggedInException;
import org.mecconpaas.cli.config.CliConfig;
import org.mecconpaas.cli.experiment.ExperimentRun;
import org.mecconpaas.cli.experiment.Scenario;
import org.mecconpaas.cli.experiment.ScenarioReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Scenario-driven experiments on the emulated edge (docs/experiments.md). */
@Command(
    name = "experiment",
    description = "Run a mobility experiment from a scenario file and record what happened.")
public final class ExperimentCommand extends CommandGroup {

  @Command(name = "check", description = "Check a scenario file without touching the master.")
  int check(@Parameters(paramLabel = "SCENARIO") Path file) {
    Scenario scenario = ScenarioReader.read(environment().resolve(file));
    out()
        .println(
            scenario.name()
                + ": "
                + scenario.services().size()
                + " service(s), "
                + scenario.duration().toSeconds()
                + " s; valid");
    return 0;
  }

  @Command(
      name = "run",
      description = {
        "Deploy the scenario's services, move its clients (the master's mobility emulation), send"
            + " their requests through the access points' routes for the scenario's duration, and"
            + " write requests.csv, associations.csv, migrations.csv, summary.txt, summary.json and"
            + " latency.html.",
        "Needs an operator's login (the mobility emulation is the operators'). The whole file is"
            + " checked before anything is deployed. The services are left running."
      })
  int run(
      @Parameters(paramLabel = "SCENARIO", description = "YAML (a subset) or JSON.") Path file,
      @Option(
              names = "--out",
              paramLabel = "DIR",
              description = "Where the results go (default: experiment-<name> here).")
          Path out,
      @Option(
              names = "--duration",
              paramLabel = "DURATION",
              description = "Instead of the scenario's duration, e.g. 60s or 2m.")
          String duration,
      @Option(
              names = "--replace",
              description =
                  "Stop a running mobility emulation and remove the scenario's services left by an"
                      + " earlier run first.")
          boolean replace)
      throws InterruptedException {
    Scenario scenario = ScenarioReader.read(environment().resolve(file));
    if (duration != null) {
      scenario = withDuration(scenario, duration);
    }
    CliConfig config = mec.configStore().load();
    if (!config.isLoggedIn()) {
      throw new NotLoggedInException();
    }
    Path dir =
        out != null
            ? environment().resolve(out)
            : environment().resolve(Path.of("experiment-" + scenario.name()));
    String summary =
        new ExperimentRun(scenario, master(), config.token(), clock(), err(), dir).run(replace);
    out().print(summary);
    out().println("results in " + dir);
    return 0;
  }

  private static Scenario withDuration(Scenario scenario, String text) {
    Duration duration = ScenarioReader.parseDuration(text);
    if (duration == null || duration.isZero()) {
      throw new CliException("--duration: expected e.g. 90s or 5m, got '" + text + "'");
    }
    return new Scenario(
        scenario.name(),
        scenario.application(),
        duration,
        scenario.expectedNodes(),
        scenario.services(),
        scenario.movement(),
        scenario.load());
  }
}
