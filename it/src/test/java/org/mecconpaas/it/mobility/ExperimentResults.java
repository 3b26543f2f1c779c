package org.mecconpaas.it.mobility;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code mec experiment run} wrote to its output directory, read back: requests.csv and
 * migrations.csv as rows of named columns, summary.json as JSON.
 */
record ExperimentResults(
    List<Map<String, String>> requests, List<Map<String, String>> migrations, JsonObject summary) {

  static ExperimentResults read(Path dir) throws IOException {
    JsonObject summary;
    try (var reader =
        Json.createReader(
            new StringReader(
                Files.readString(dir.resolve("summary.json"), StandardCharsets.UTF_8)))) {
      summary = reader.readObject();
    }
    return new ExperimentResults(
        csv(dir.resolve("requests.csv")), csv(dir.resolve("migrations.csv")), summary);
  }

  /** The summary's figures of one service. */
  JsonObject service(String name) {
    return summary.getJsonArray("services").stream()
        .map(v -> v.asJsonObject())
        .filter(s -> s.getString("service").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no figures for " + name + " in " + summary));
  }

  /** A small CSV reader: RFC 4180 quoting, one record per line (the CLI writes no line breaks). */
  static List<Map<String, String>> csv(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<String> header = fields(lines.get(0));
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      List<String> values = fields(line);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), i < values.size() ? values.get(i) : "");
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
