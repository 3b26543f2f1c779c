package org.mecconpaas.cli.command;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.mecconpaas.cli.output.Details;
import org.mecconpaas.cli.output.Fields;
import org.mecconpaas.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The service types the master can deploy, with their roles and accepted code formats. */
@Command(name = "catalog", description = "List the service types, or describe one.")
public final class CatalogCommand extends MecCommand implements Callable<Integer> {

  @Parameters(paramLabel = "TYPE", arity = "0..1", description = "Describe this type.")
  String type;

  @Override
  public Integer call() {
    if (type == null) {
      output()
          .show(master().catalog(), answer -> list(answer.asArray().getValuesAs(JsonObject.class)));
    } else {
      output().show(master().serviceType(type), answer -> describe(answer.asObject()));
    }
    return 0;
  }

  private void list(List<JsonObject> types) {
    Table table = new Table("TYPE", "TITLE", "ROLES", "FORMATS");
    for (JsonObject serviceType : types) {
      table.row(
          Fields.text(serviceType, "name"),
          Fields.text(serviceType, "title"),
          roleNames(serviceType),
          Fields.text(serviceType, "codeFormats"));
    }
    table.print(out());
  }

  private void describe(JsonObject serviceType) {
    new Details()
        .add("type", Fields.text(serviceType, "name"))
        .add("title", Fields.text(serviceType, "title"))
        .add("description", Fields.text(serviceType, "description"))
        .add("code formats", Fields.text(serviceType, "codeFormats"))
        .print(out());
    out().println();
    Table roles = new Table("ROLE", "MIN", "MAX", "START", "DESCRIPTION");
    for (JsonValue item : rolesOf(serviceType)) {
      JsonObject role = item.asJsonObject();
      roles.row(
          Fields.text(role, "name"),
          Fields.text(role, "min"),
          Fields.text(role, "max"),
          Fields.text(role, "startCount"),
          Fields.text(role, "description"));
    }
    roles.print(out());
  }

  private static String roleNames(JsonObject serviceType) {
    return rolesOf(serviceType).stream()
        .map(role -> Fields.text(role.asJsonObject(), "name"))
        .collect(Collectors.joining(","));
  }

  private static List<JsonValue> rolesOf(JsonObject serviceType) {
    JsonValue roles = serviceType.get("roles");
    return roles != null && roles.getValueType() == JsonValue.ValueType.ARRAY
        ? roles.asJsonArray()
        : List.of();
  }
}
