package org.mecconpaas.cli.command;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.concurrent.Callable;
import org.mecconpaas.cli.client.Requests.Near;
import org.mecconpaas.cli.client.Requests.Placement;
import org.mecconpaas.cli.output.Details;
import org.mecconpaas.cli.output.Fields;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code mec service placement}: where a service's instances go, shown or replaced. */
@Command(
    name = "placement",
    description = {
      "Show where a service's instances go; with --policy, set it.",
      "Setting replaces the whole placement (PUT): an option left out is sent as absent, not kept"
          + " from before, so give every constraint the service should have.",
      "Policies: spread (fewest instances of the service per node), pack (fill the busiest"
          + " node), near (nodes within the radius of a point, the closest first), near-users"
          + " (where the service's users are now). Labels restrict every policy."
    })
final class ServicePlacementCommand implements Callable<Integer> {

  @ParentCommand private ServiceCommand service;
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "APP")
  private String app;

  @Parameters(index = "1", paramLabel = "SVC")
  private String svc;

  @Option(
      names = "--policy",
      paramLabel = "POLICY",
      description = "spread, pack, near or near-users; sets the placement.")
  private String policy;

  @Option(
      names = "--near",
      paramLabel = "LAT,LON[,RADIUS_M]",
      converter = NearArgument.class,
      description = "The point of 'near', in degrees, and its radius (master's default: 200 m).")
  private Near near;

  @Option(
      names = "--max-user-distance",
      paramLabel = "METERS",
      description =
          "near-users: move an instance towards a user whose access point is farther than this"
              + " from it (follow-me).")
  private Double maxUserDistance;

  @Option(
      names = "--label",
      paramLabel = "LABEL",
      description = "Only nodes with this label (repeatable: with all of them).")
  private List<String> labels;

  @Option(
      names = "--user",
      paramLabel = "CLIENT",
      description =
          "near-users: follow this client (repeatable; at most 50); without: every client.")
  private List<String> users;

  @Override
  public Integer call() {
    if (policy == null) {
      if (near != null || maxUserDistance != null || labels != null || users != null) {
        throw new ParameterException(
            spec.commandLine(),
            "give --policy too: setting the placement replaces all of it (see --help)");
      }
      service
          .output()
          .show(service.master().placement(app, svc), answer -> show(answer.asObject()));
      return 0;
    }
    Placement placement = new Placement(policy, near, maxUserDistance, labels, users);
    service
        .output()
        .show(
            service.master().setPlacement(app, svc, placement),
            answer -> {
              service.out().println("Placement of " + app + "/" + svc + " set.");
              show(answer.asObject());
            });
    return 0;
  }

  private void show(JsonObject placement) {
    new Details()
        .add("policy", Fields.text(placement, "policy"))
        .add("near", near(placement))
        .add("maxUserDistanceMeters", Fields.figure(placement, "maxUserDistanceMeters"))
        .add("nodeLabels", list(placement, "nodeLabels"))
        .add("users", list(placement, "users"))
        .print(service.out());
  }

  /** "52.16,4.49 within 200 m", or {@code null} without a point. */
  private static String near(JsonObject placement) {
    if (!(placement.get("near") instanceof JsonObject point)) {
      return null;
    }
    String radius = Fields.figure(point, "radiusMeters");
    return Fields.text(point, "latitude")
        + ","
        + Fields.text(point, "longitude")
        + (radius == null ? "" : " within " + radius + " m");
  }

  /** "outdoor,gpu"; {@code null} (shown "-") when empty: any node will do, every client counts. */
  private static String list(JsonObject placement, String field) {
    return placement.get(field) instanceof JsonArray array && !array.isEmpty()
        ? Fields.text(array)
        : null;
  }
}
