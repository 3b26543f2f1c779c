package org.mecconpaas.cli.experiment;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.mecconpaas.cli.CliException;
import org.mecconpaas.cli.Environment;
import org.mecconpaas.cli.client.ApiException;
import org.mecconpaas.cli.client.MasterClient;
import org.mecconpaas.cli.client.Requests.NewApplication;
import org.mecconpaas.cli.client.Requests.NewService;
import org.mecconpaas.cli.client.ServiceScript;
import org.mecconpaas.cli.client.TransferListener;
import org.mecconpaas.cli.experiment.Scenario.Placement;
import org.mecconpaas.cli.experiment.Scenario.ServicePlan;

/**
 * Deploys a scenario's services through the API, as {@code mec service create}, {@code mec code
 * upload} and {@code mec service start} would, one after the other in the scenario's order (the
 * order is part of what makes two runs place alike).
 */
final class Deployer {
  static final Duration START_LIMIT = Duration.ofMinutes(3);
  private static final Duration POLL = Duration.ofSeconds(1);
  private static final int PLACEMENT_ATTEMPTS = 4;

  private final MasterClient master;
  private final ExperimentApi api;
  private final Environment.Clock clock;
  private final PrintWriter progress;

  Deployer(MasterClient master, ExperimentApi api, Environment.Clock clock, PrintWriter progress) {
    this.master = master;
    this.api = api;
    this.clock = clock;
    this.progress = progress;
  }

  /** Services of the scenario that exist already in its application. */
  List<String> existing(Scenario scenario) {
    try {
      return master.listServices(scenario.application()).asArray().stream()
          .map(v -> v.asJsonObject().getString("name"))
          .filter(name -> scenario.services().stream().anyMatch(s -> s.name().equals(name)))
          .toList();
    } catch (ApiException e) {
      if (e.status() == 404) {
        return List.of();
      }
      throw e;
    }
  }

  /** Stops and deletes a service left by an earlier run (for {@code --replace}). */
  void remove(String app, String svc) throws InterruptedException {
    progress.println("removing " + app + "/" + svc + " left by an earlier run");
    try {
      master.stopService(app, svc);
    } catch (ApiException e) {
      if (e.status() != 409) {
        throw e;
      }
    }
    Instant deadline = clock.now().plus(START_LIMIT);
    while (!Stream.of("STOPPED", "INIT", "ERROR").toList().contains(state(app, svc))) {
      if (clock.now().isAfter(deadline)) {
        throw new CliException(svc + " did not stop within " + START_LIMIT.toMinutes() + " min");
      }
      clock.sleep(POLL);
    }
    master.deleteService(app, svc);
  }

  void deploy(Scenario scenario) throws InterruptedException {
    String app = scenario.application();
    try {
      master.createApplication(new NewApplication(app, "experiment " + scenario.name()));
    } catch (ApiException e) {
      if (e.status() != 409) {
        throw e;
      }
    }
    for (ServicePlan plan : scenario.services()) {
      deploy(app, plan);
    }
  }

  private void deploy(String app, ServicePlan plan) throws InterruptedException {
    String policy = plan.placement() == null ? null : plan.placement().policy();
    progress.println(
        "creating "
            + app
            + "/"
            + plan.name()
            + " ("
            + plan.type()
            + ", "
            + (policy == null ? "default placement" : policy)
            + ")");
    master.createService(
        app,
        new NewService(
            plan.name(), plan.type(), policy, plan.roles().isEmpty() ? null : plan.roles()));
    if (plan.placement() != null) {
      putPlacement(app, plan);
    }
    if (plan.bundle() != null) {
      upload(app, plan);
    }
    master.startService(app, plan.name());
    awaitRunning(app, plan.name());
    if (plan.run()) {
      master.triggerScript(app, plan.name(), ServiceScript.RUN);
    }
  }

  /**
   * PUT is idempotent, so a 5xx is tried again: right after creation the master's reconcile loop
   * may update the new service at the same moment, and the master answers that clash with a 500.
   */
  private void putPlacement(String app, ServicePlan plan) throws InterruptedException {
    String body = placementJson(plan.placement()).toString();
    for (int attempt = 1; ; attempt++) {
      try {
        api.putPlacement(app, plan.name(), body);
        return;
      } catch (ApiException e) {
        if (e.isClientError() || attempt == PLACEMENT_ATTEMPTS) {
          throw new ApiException(
              e.status(), "placement of " + plan.name() + ": " + e.detail(), e.errors());
        }
        progress.println("(placement of " + plan.name() + ": " + e.detail() + "; trying again)");
        clock.sleep(POLL);
      }
    }
  }

  /** The body of {@code PUT .../placement}, fields in a fixed order. */
  static JsonObject placementJson(Placement placement) {
    JsonObjectBuilder body = Json.createObjectBuilder().add("policy", placement.policy());
    if (placement.near() != null) {
      JsonObjectBuilder near =
          Json.createObjectBuilder()
              .add("latitude", placement.near().latitude())
              .add("longitude", placement.near().longitude());
      if (placement.near().radiusMeters() != null) {
        near.add("radiusMeters", placement.near().radiusMeters());
      }
      body.add("near", near);
    }
    if (placement.maxUserDistanceMeters() != null) {
      body.add("maxUserDistanceMeters", placement.maxUserDistanceMeters());
    }
    if (placement.nodeLabels() != null) {
      body.add("nodeLabels", Json.createArrayBuilder(placement.nodeLabels()));
    }
    if (placement.users() != null) {
      body.add("users", Json.createArrayBuilder(placement.users()));
    }
    return body.build();
  }

  private void upload(String app, ServicePlan plan) {
    Path bundle = plan.bundle();
    Path archive = bundle;
    try {
      if (Files.isDirectory(bundle)) {
        archive = Files.createTempFile("mec-experiment-" + plan.name() + "-", ".zip");
        zip(bundle, archive);
      }
      master.uploadCode(app, plan.name(), archive, TransferListener.SILENT);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot pack " + bundle + ": " + e.getMessage(), e);
    } finally {
      if (archive != bundle) {
        try {
          Files.deleteIfExists(archive);
        } catch (IOException ignored) {
          // a temporary file left behind is harmless
        }
      }
    }
  }

  /** A directory as a zip of its regular files, paths relative to it, in name order. */
  static void zip(Path dir, Path archive) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (OutputStream out = Files.newOutputStream(archive);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Path file : files) {
        zip.putNextEntry(new ZipEntry(dir.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, zip);
        zip.closeEntry();
      }
    }
  }

  private void awaitRunning(String app, String svc) throws InterruptedException {
    Instant deadline = clock.now().plus(START_LIMIT);
    while (true) {
      JsonObject service = master.service(app, svc).asObject();
      String state = service.getString("state", "");
      if (state.equals("RUNNING")) {
        progress.println(svc + " is RUNNING");
        return;
      }
      if (state.equals("ERROR")) {
        JsonValue message = service.get("phaseMessage");
        throw new CliException(
            svc + " failed to start: " + (message == null ? "(no message)" : message));
      }
      if (clock.now().isAfter(deadline)) {
        throw new CliException(
            svc
                + " is not RUNNING after "
                + START_LIMIT.toMinutes()
                + " min (state "
                + state
                + ")");
      }
      clock.sleep(POLL);
    }
  }

  private String state(String app, String svc) {
    return master.service(app, svc).asObject().getString("state", "");
  }
}
