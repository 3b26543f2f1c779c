package org.mecconpaas.it.bench;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the benchmark's Flink cluster on the platform really is, for the report: each TaskManager's
 * slots and process memory as its JobManager reports them, and the CPU and memory limits its JVM
 * runs under (so that "same memory as bare" and "Pi 3 profile" are checked, not assumed).
 */
final class FlinkClusterFacts {

  private FlinkClusterFacts() {}

  static List<String> of(FlinkBenchEdge edge) throws IOException, InterruptedException {
    List<String> facts = new ArrayList<>();
    Map<String, JsonObject> taskManagers = new HashMap<>();
    for (JsonValue value :
        edge.flink().fromJobManager("/taskmanagers").getJsonArray("taskmanagers")) {
      taskManagers.put(value.asJsonObject().getString("id"), value.asJsonObject());
    }
    for (JsonObject instance : edge.flink().instances()) {
      String name = instance.getString("name");
      StringBuilder fact = new StringBuilder(name + " on " + instance.getString("node") + ": ");
      JsonObject tm = taskManagers.get(name); // a TaskManager's resource id is its instance's name
      if (tm != null) {
        JsonObject memory = tm.getJsonObject("memoryConfiguration");
        fact.append(
            String.format(
                Locale.ROOT,
                "%d slot(s), process %d MiB (heap %d MiB); ",
                tm.getInt("slotsNumber"),
                memory.getJsonNumber("totalProcessMemory").longValue() >> 20,
                (memory.getJsonNumber("frameworkHeap").longValue()
                        + memory.getJsonNumber("taskHeap").longValue())
                    >> 20));
      }
      facts.add(fact.append(limits(edge, name)).toString());
    }
    facts.add("load average: " + loadAverage());
    return facts;
  }

  /** The limits of the Flink JVM that runs in the state directory of instance {@code name}. */
  private static String limits(FlinkBenchEdge edge, String name) {
    String stateDir = "/containers/" + name + "/";
    String edgeDir = edge.edgeDir().toString();
    return ProcessHandle.allProcesses()
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .map(c -> c.contains(edgeDir) && c.contains(stateDir) && c.contains("flink"))
                    .orElse(false))
        .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
        .findFirst()
        .map(p -> "JVM " + CgroupLimits.of(p.pid()))
        .orElse("JVM not found");
  }

  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "?";
    }
  }
}
