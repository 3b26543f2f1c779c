package org.mecconpaas.catalog.roles.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.catalog.RoleFiles;

/** The flink roles' shell functions on their own, without a JVM. */
class FlinkScriptsTest {
  @TempDir Path dir;

  @Test
  void bothRolesShipTheSameLibrary() throws IOException {
    RoleFiles.of("flink", "jobmanager").orElseThrow().copyTo(dir.resolve("jm"));
    RoleFiles.of("flink", "taskmanager").orElseThrow().copyTo(dir.resolve("tm"));
    assertEquals(
        Files.readString(dir.resolve("jm/flink-lib.sh")),
        Files.readString(dir.resolve("tm/flink-lib.sh")),
        "jobmanager/flink-lib.sh and taskmanager/flink-lib.sh must be the same file");
  }

  @Test
  void findsTheJobmanagerInAgentsJsonWhateverItsLayout() throws Exception {
    agents(
        "[{\"id\":\"s1-taskmanager-1\",\"role\":\"taskmanager\",\"ip\":\"10.77.0.12\",\"port\":20010},"
            + "{\"id\":\"s1-jobmanager-1\",\"role\":\"jobmanager\",\"ip\":\"10.77.0.11\",\"port\":20000}]");
    assertEquals(new Result(0, "10.77.0.11 20000\n", ""), run("member_address jobmanager"));

    agents(
        "[\n  {\n    \"port\" : 20100,\n    \"ip\" : \"10.77.0.13\",\n    \"role\" : \"jobmanager\""
            + ",\n    \"id\" : \"s1-jobmanager-2\"\n  }\n]\n");
    assertEquals("10.77.0.13 20100\n", run("member_address jobmanager").out());
  }

  @Test
  void noJobmanagerOrOneWithoutPortIsNone() throws Exception {
    agents(
        "[{\"id\":\"s1-taskmanager-1\",\"role\":\"taskmanager\",\"ip\":\"10.77.0.12\",\"port\":1}]");
    assertEquals(1, run("member_address jobmanager").status());
    agents("[{\"id\":\"s1-jobmanager-1\",\"role\":\"jobmanager\",\"ip\":\"10.77.0.11\"}]");
    assertEquals(1, run("member_address jobmanager").status());
    Files.delete(dir.resolve("agents.json"));
    assertEquals(1, run("member_address jobmanager").status());
  }

  @Test
  void sizesTheJvmProcessFromTheContainersMemoryLimit() throws Exception {
    assertEquals("768\n", run("MEC_MEMORY_MIB=0 process_size_mib 448 768").out());
    assertEquals("896\n", run("MEC_MEMORY_MIB=1024 process_size_mib 448 768").out());
    Result tooSmall = run("MEC_MEMORY_MIB=400 process_size_mib 448 768");
    assertEquals("448\n", tooSmall.out());
    assertTrue(tooSmall.err().contains("warning"), tooSmall.err());
  }

  @Test
  void configTemplatesGetEveryValue() throws Exception {
    RoleFiles.of("flink", "taskmanager").orElseThrow().copyTo(dir.resolve("tm"));
    Result written =
        run(
            "mkdir -p conf && MY_IP=10.77.0.12 MY_PORT=20010 MEC_INSTANCE=s1-taskmanager-1"
                + " DATA_PORT=20011 QUERY_PORT=20012"
                + " COLLECT_PORT=20013 SLOTS=2 PROCESS_MIB=768 RUN_DIR=/x"
                + " write_config tm/config.yaml.in");
    assertEquals(0, written.status(), written.err());
    String config = Files.readString(dir.resolve("conf/config.yaml"));
    assertFalse(Pattern.compile("@[A-Z_]+@").matcher(config).find(), config);
    assertTrue(config.contains("taskmanager.rpc.port: \"20010\""), config);
    assertTrue(config.contains("taskmanager.data.port: 20011"), config);
    assertTrue(Files.readString(dir.resolve("conf/log4j2.properties")).contains("SYSTEM_OUT"));

    Result missing = run("mkdir -p conf && write_config tm/config.yaml.in");
    assertEquals(1, missing.status());
    assertTrue(missing.err().contains("no value for @"), missing.err());
  }

  private void agents(String json) throws IOException {
    Files.writeString(dir.resolve("agents.json"), json);
  }

  /** Runs the command after sourcing the jobmanager's copy of flink-lib.sh in {@link #dir}. */
  private Result run(String command) throws IOException, InterruptedException {
    if (!Files.exists(dir.resolve("jm/flink-lib.sh"))) {
      RoleFiles.of("flink", "jobmanager").orElseThrow().copyTo(dir.resolve("jm"));
    }
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-c", "set -u; . jm/flink-lib.sh; " + command)
            .directory(dir.toFile());
    builder.environment().put("MEC_STATE_DIR", dir.toString());
    builder.environment().put("MY_ROLE", "jobmanager");
    Process process = builder.start();
    process.getOutputStream().close();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("still running after 20 s: " + command);
    }
    return new Result(
        process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private record Result(int status, String out, String err) {}
}
