package org.mecconpaas.cli.command;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.concurrent.Callable;
import org.mecconpaas.cli.client.EventQuery;
import org.mecconpaas.cli.client.UnexpectedAnswerException;
import org.mecconpaas.cli.output.Fields;
import org.mecconpaas.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The audit trail: who did what to which application or service, newest first. */
@Command(name = "events", description = "Show what happened to your applications, newest first.")
public final class EventsCommand extends MecCommand implements Callable<Integer> {

  @Option(
      names = {"-a", "--app"},
      paramLabel = "APP")
  String application;

  @Option(
      names = {"-s", "--service"},
      paramLabel = "SVC")
  String service;

  @Option(names = "--page", paramLabel = "N", description = "Page number, from 0.")
  Integer page;

  @Option(names = "--size", paramLabel = "N", description = "Events per page (master: 50).")
  Integer size;

  @Override
  public Integer call() {
    output()
        .show(
            master().events(new EventQuery(application, service, page, size)),
            answer -> {
              JsonObject result = answer.asObject();
              Table table = new Table("AT", "ACTOR", "ACTION", "TARGET", "OUTCOME", "DETAIL");
              if (!(result.get("items") instanceof JsonArray items)) {
                throw new UnexpectedAnswerException("the events answer has no items array");
              }
              for (JsonValue item : items) {
                JsonObject event = item.asJsonObject();
                table.row(
                    Fields.text(event, "at"),
                    Fields.text(event, "actor"),
                    Fields.text(event, "action"),
                    Views.target(Fields.text(event, "application"), Fields.text(event, "service")),
                    Fields.text(event, "outcome"),
                    Fields.text(event, "detail"));
              }
              table.print(out());
              footer(result, table.size());
            });
    return 0;
  }

  /** Says there is more, so a person knows to ask for --page. */
  private void footer(JsonObject result, int shown) {
    long total = number(result, "total");
    long pageSize = number(result, "size");
    if (total <= shown || pageSize <= 0) {
      return;
    }
    long pages = (total + pageSize - 1) / pageSize;
    long current = number(result, "page");
    err().printf("page %d of %d (0-based), %d events in all%n", current, pages - 1, total);
  }

  private static long number(JsonObject object, String field) {
    return object.get(field) instanceof JsonNumber n ? n.longValue() : -1;
  }
}
