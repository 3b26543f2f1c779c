package org.mecconpaas.cli.command;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.mecconpaas.cli.output.Age;
import org.mecconpaas.cli.output.Fields;
import org.mecconpaas.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mec service migrations}: the moves of a service's instances, newest first. */
@Command(
    name = "migrations",
    description = {
      "List the migrations of a service's instances, newest first: manual ones and follow-me's.",
      "HEALTHY AFTER is the time from the request until the copy ran; TOTAL until the migration"
          + " was DONE or ROLLED_BACK (- while it runs)."
    })
final class ServiceMigrationsCommand implements Callable<Integer> {

  @ParentCommand private ServiceCommand service;

  @Parameters(index = "0", paramLabel = "APP")
  private String app;

  @Parameters(index = "1", paramLabel = "SVC")
  private String svc;

  @Override
  public Integer call() {
    service
        .output()
        .show(
            service.master().migrations(app, svc),
            answer -> {
              Instant now = service.clock().now();
              Table table =
                  new Table(
                      "ID",
                      "INSTANCE",
                      "FROM -> TO",
                      "TRIGGER",
                      "STATE",
                      "REQUESTED",
                      "HEALTHY AFTER",
                      "TOTAL",
                      "MESSAGE");
              for (JsonValue item : answer.asArray()) {
                JsonObject migration = item.asJsonObject();
                table.row(
                    Fields.text(migration, "id"),
                    Fields.text(migration, "instance"),
                    MigrationTimeline.move(migration),
                    Fields.text(migration, "trigger"),
                    Fields.text(migration, "state"),
                    Age.since(Fields.text(migration, "requestedAt"), now),
                    MigrationTimeline.timeToHealthy(migration),
                    MigrationTimeline.total(migration),
                    Fields.text(migration, "message"));
              }
              table.print(service.out());
            });
    return 0;
  }
}
