package org.mecconpaas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.cli.FakeMaster.Reply;

class NodeCommandTest {

  // FakeClock.START is 2025-03-01T10:00:00Z.
  private static final String N2 =
      "{\"name\":\"n2\",\"latitude\":52.37,\"longitude\":4.89,\"cpuMillis\":4000,"
          + "\"memoryMiB\":8192,\"state\":\"UP\",\"lastHeartbeatAt\":\"2025-03-01T09:59:57Z\","
          + "\"address\":\"10.77.0.12\",\"runtime\":\"docker\",\"cpuLoad\":0.42,"
          + "\"memoryUsedMiB\":310}";

  private static final String DRAINED = N2.replace("\"UP\"", "\"DRAINING\"");

  @TempDir java.nio.file.Path temp;
  private FakeMaster master;
  private MecRunner mec;

  @BeforeEach
  void start() throws Exception {
    master = new FakeMaster();
    mec = new MecRunner(temp).loggedInTo(master);
  }

  @AfterEach
  void stop() {
    master.close();
  }

  @Test
  void drainPostsToTheNodeAndSaysItsNewState() {
    master.on("POST", "/api/v1/nodes/n2/drain", r -> Reply.json(200, DRAINED));

    var result = mec.run("node", "drain", "n2");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(0, master.onlyRequest().body().length);
    assertEquals("Node n2 is now DRAINING.\n", result.out());
  }

  @Test
  void undrainPostsToItsOwnPath() {
    master.on("POST", "/api/v1/nodes/n2/undrain", r -> Reply.json(200, N2));

    var result = mec.run("node", "undrain", "n2", "--json");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals("/api/v1/nodes/n2/undrain", master.onlyRequest().path());
    assertEquals(N2 + "\n", result.out());
  }

  @Test
  void listShowsStateAddressLoadMemoryAndHeartbeatAge() {
    String fresh =
        "{\"name\":\"n3\",\"latitude\":48.85,\"longitude\":2.35,\"cpuMillis\":2000,"
            + "\"memoryMiB\":1024,\"state\":\"DOWN\",\"lastHeartbeatAt\":\"2025-03-01T07:30:00Z\","
            + "\"address\":null,\"runtime\":null,\"cpuLoad\":1.5}";
    String never =
        "{\"name\":\"n4\",\"latitude\":0.0,\"longitude\":0.0,\"cpuMillis\":1000,"
            + "\"memoryMiB\":512,\"state\":\"DOWN\"}";
    master.on(
        "GET", "/api/v1/nodes", r -> Reply.json(200, "[" + N2 + "," + fresh + "," + never + "]"));

    var result = mec.run("node", "list");

    assertEquals(0, result.exitCode(), result.err());
    assertEquals(
        List.of(
            "NAME  STATE  ADDRESS     CPU(m)  LOAD  MEMORY(MiB)  LOCATION    HEARTBEAT",
            "n2    UP     10.77.0.12  4000    42%   310/8192     52.37,4.89  3s ago",
            "n3    DOWN   -           2000    150%  -/1024       48.85,2.35  2h ago",
            "n4    DOWN   -           1000    -     -/512        0.0,0.0     never"),
        result.out().lines().toList());
  }
}
