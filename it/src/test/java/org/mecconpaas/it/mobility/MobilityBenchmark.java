package org.mecconpaas.it.mobility;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mecconpaas.it.ApiClient;
import org.mecconpaas.it.MasterSetup;
import org.mecconpaas.it.RunningMaster;

/**
 * The mobility benchmark (bench/mobility.sh, docs/experiments.md): the real master with 6 emulated
 * nodes, and {@code mec experiment run examples/experiments/campus.yaml}: 20 clients on a random
 * waypoint walk with a fixed seed ask three echo services side by side: {@code near} (near-users, 6
 * instances), {@code follow} (near-users, one instance that follows client c16: a migration at each
 * of its hand-overs) and {@code pack} (one instance on one node). Prints p50/p99 of near and pack,
 * the requests that failed while a migration ran, and the hand-over times, against the issue's
 * targets.
 *
 * <p>Exit code: 0 every target met, 1 a target missed, 2 the run failed.
 */
public final class MobilityBenchmark {
  /**
   * The target for the time from a user's association change to the routers serving from
   * the new (migrated) instance, at the default heartbeat interval.
   */
  private static final double MAX_ASSOCIATION_TO_SERVE_SECONDS = 2;

  private MobilityBenchmark() {}

  public static void main(String[] args) throws Exception {
    int minutes = 5;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--minutes") && i + 1 < args.length) {
        minutes = Integer.parseInt(args[++i]);
      } else {
        System.err.println("usage: MobilityBenchmark [--minutes N]   (default 5)");
        System.exit(2);
      }
    }
    try {
      System.exit(run(minutes));
    } catch (Exception | AssertionError e) {
      System.err.println("the benchmark failed: " + e);
      System.exit(2);
    }
  }

  private static int run(int minutes) throws Exception {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path base = Path.of(System.getProperty("mec.bench.out", "it/target")).toAbsolutePath();
    Path work = Files.createDirectories(base.resolve("bench/mobility-" + stamp));
    MasterSetup setup = MasterSetup.fresh(MasterSetup.pathProperty("mec.launcher"), work);
    Path scenario = setup.launcher().getParent().resolve("examples/experiments/campus.yaml");
    Path results = work.resolve("results");
    System.out.println(
        "mobility benchmark: 6 emulated nodes, "
            + scenario
            + ", "
            + minutes
            + " min; "
            + Runtime.getRuntime().availableProcessors()
            + " CPUs; work in "
            + work);
    MecProcess.Result run;
    try (RunningMaster master = RunningMaster.start(setup, "--nodes", "6")) {
      awaitNodes(master, setup);
      MecProcess mec = new MecProcess(MasterSetup.pathProperty("mec.cli.jar"), work.resolve("cli"));
      mec.login(master.url(), "admin", setup.adminPassword());
      run =
          mec.run(
              Duration.ofMinutes(minutes + 10),
              null,
              "experiment",
              "run",
              scenario.toString(),
              "--out",
              results.toString(),
              "--duration",
              minutes + "m");
    }
    if (run.exitCode() != 0) {
      System.err.println("mec experiment run failed: " + run.describe());
      return 2;
    }
    String report = report(ExperimentResults.read(results), results, minutes);
    System.out.print(report);
    Path file = base.resolve("bench-results/mobility-" + stamp + ".txt");
    Files.createDirectories(file.getParent());
    Files.writeString(file, report + "\n" + run.stdout(), StandardCharsets.UTF_8);
    System.out.println("written to " + file);
    return report.contains("MISS") ? 1 : 0;
  }

  private static void awaitNodes(RunningMaster master, MasterSetup setup) throws Exception {
    ApiClient admin = ApiClient.anonymous(master.api()).login("admin", setup.adminPassword());
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (upNodes(admin) < 6) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "6 nodes not UP after 3 min: " + admin.get("/nodes").body());
      }
      Thread.sleep(1000);
    }
  }

  private static long upNodes(ApiClient admin) throws IOException, InterruptedException {
    return admin.get("/nodes").expect(200).array().stream()
        .filter(n -> n.asJsonObject().getString("state").equals("UP"))
        .count();
  }

  static String report(ExperimentResults results, Path dir, int minutes) {
    JsonObject near = results.service("near");
    JsonObject follow = results.service("follow");
    JsonObject pack = results.service("pack");
    List<JsonObject> all = List.of(near, follow, pack);
    double nearP99 = number(near, "p99Millis");
    double packP99 = number(pack, "p99Millis");
    long failedDuring = all.stream().mapToLong(s -> s.getInt("failedDuringMigrations")).sum();
    List<Double> switchToServe = new ArrayList<>();
    List<Double> associationToServe = new ArrayList<>();
    for (JsonObject service : all) {
      for (JsonValue h : service.getJsonArray("handovers")) {
        add(switchToServe, h.asJsonObject(), "switchToServeSeconds");
        add(associationToServe, h.asJsonObject(), "associationToServeSeconds");
      }
    }
    double worstSwitch = switchToServe.stream().mapToDouble(d -> d).max().orElse(Double.NaN);
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(Locale.ROOT, "%n%-58s %12s %14s %6s%n", "figure", "value", "target", ""));
    row(out, "near-users p50 latency (ms)", ms(number(near, "p50Millis")), "", "");
    row(out, "pack p50 latency (ms)", ms(number(pack, "p50Millis")), "", "");
    row(
        out,
        "near-users p99 latency (ms)",
        ms(nearP99),
        "<= " + ms(packP99 / 2),
        verdict(nearP99 <= packP99 / 2));
    row(out, "pack p99 latency (ms)", ms(packP99), "", "");
    row(
        out,
        "follow (1 instance following c16) p50 / p99 latency (ms)",
        ms(number(follow, "p50Millis")) + " / " + ms(number(follow, "p99Millis")),
        "",
        "");
    row(
        out,
        "requests failed while a migration ran (all services)",
        Long.toString(failedDuring),
        "0",
        verdict(failedDuring == 0));
    row(out, "requests failed in all (near / follow / pack)", joined(all, "failed"), "", "");
    row(out, "requests sent (near / follow / pack)", joined(all, "requests"), "", "");
    row(
        out,
        "migrations done (near / follow)",
        near.getInt("migrationsDone") + " / " + follow.getInt("migrationsDone"),
        "",
        "");
    row(
        out,
        "migrations not done (near / follow)",
        near.getInt("migrationsOther") + " / " + follow.getInt("migrationsOther"),
        "",
        "");
    double medianHandover = median(associationToServe);
    row(
        out,
        "association change -> served by the new instance, median (s)",
        sec(medianHandover),
        "<= " + sec(MAX_ASSOCIATION_TO_SERVE_SECONDS),
        associationToServe.isEmpty()
            ? "-"
            : verdict(medianHandover <= MAX_ASSOCIATION_TO_SERVE_SECONDS));
    row(
        out,
        "  worst (s)",
        sec(associationToServe.stream().mapToDouble(d -> d).max().orElse(Double.NaN)),
        "",
        "");
    row(out, "routes switched -> served by the new instance, worst (s)", sec(worstSwitch), "", "");
    row(out, "  median (s)", sec(median(switchToServe)), "", "");
    row(
        out,
        "slots skipped (client out of range)",
        Long.toString(results.summary().getInt("skipped")),
        "",
        "");
    out.append("(")
        .append(minutes)
        .append(" min after the scenario's warm-up, whose latencies are left out; files in ")
        .append(dir)
        .append(")\n");
    return out.toString();
  }

  private static String joined(List<JsonObject> services, String figure) {
    return String.join(
        " / ", services.stream().map(s -> Integer.toString(s.getInt(figure))).toList());
  }

  private static void add(List<Double> list, JsonObject handover, String name) {
    JsonValue value = handover.get(name);
    if (value instanceof JsonNumber number) {
      list.add(number.doubleValue());
    }
  }

  private static double number(JsonObject service, String name) {
    JsonValue value = service.get(name);
    return value instanceof JsonNumber number ? number.doubleValue() : Double.NaN;
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get((sorted.size() - 1) / 2);
  }

  private static void row(
      StringBuilder out, String figure, String value, String target, String verdict) {
    out.append(String.format(Locale.ROOT, "%-58s %12s %14s %6s%n", figure, value, target, verdict));
  }

  private static String verdict(boolean met) {
    return met ? "PASS" : "MISS";
  }

  private static String ms(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String sec(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
  }
}
