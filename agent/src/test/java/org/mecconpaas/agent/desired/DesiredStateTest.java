package org.mecconpaas.agent.desired;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.agent.json.Json;
import org.mecconpaas.agent.state.InstanceState;
import org.mecconpaas.agent.state.InstanceStateStore;
import org.mecconpaas.agent.state.Script;
import org.mecconpaas.agent.state.ScriptRecord;
import org.mecconpaas.catalog.CodeFormat;

class DesiredStateTest {
  /** The reply from docs/agent-protocol.md, verbatim but for the digest. */
  static final String REPLY =
      "{\"heartbeatIntervalMillis\": 2000,\n"
          + " \"logOffsets\": {\"s12-node-1\": {\"stdout\": 6, \"stderr\": 0}},\n"
          + " \"instances\": [\n"
          + "   {\"id\": \"s12-node-1\", \"service\": \"demo/web\", \"type\": \"generic\","
          + " \"role\": \"node\",\n"
          + "    \"cpuMillis\": 500, \"memoryMiB\": 128, \"port\": 20001,\n"
          + "    \"code\": {\"version\": 2, \"sha256\": \"9d8b\", \"path\":"
          + " \"/agent/v1/bundles/12/2\", \"format\": \"tar.gz\"},\n"
          + "    \"env\": {\"MY_ROLE\": \"node\", \"MY_IP\": \"10.77.0.12\", \"MY_PORT\": \"20001\","
          + " \"MASTER_IP\": \"10.77.0.11\"},\n"
          + "    \"membership\": {\"generation\": 5,\n"
          + "                   \"agents\": [{\"ip\": \"10.77.0.11\", \"role\": \"master\", \"id\":"
          + " \"s12-master-0\"}]},\n"
          + "    \"commands\": {\"run\": 1, \"interrupt\": 0, \"cleanup\": 0}}]}";

  @TempDir Path temp;

  @Test
  void readsTheDocumentedReply() throws IOException {
    DesiredState state = DesiredState.fromJson(Json.parseObject(REPLY));
    DesiredInstance instance = state.instances().get(0);
    assertEquals("s12-node-1", instance.id());
    assertEquals(
        new CodeRef(2, "9d8b", "/agent/v1/bundles/12/2", CodeFormat.TAR_GZ), instance.code());
    assertEquals("10.77.0.12", instance.env().get("MY_IP"));
    assertEquals(5, instance.membership().generation());
    assertEquals(
        new Member("10.77.0.11", "master", "s12-master-0", 0),
        instance.membership().agents().get(0));
    assertEquals(new Commands(1, 0, 0), instance.commands());
    assertEquals(500, instance.containerSpec().cpuMillis());
  }

  @Test
  void savedStateReadsBackEqual() throws IOException {
    DesiredState state = DesiredState.fromJson(Json.parseObject(REPLY));
    new DesiredStateStore(temp).save(state);
    assertEquals(state, new DesiredStateStore(temp).load().orElseThrow());
    assertTrue(Files.exists(temp.resolve("desired.json")));
  }

  @Test
  void idsThatCouldEscapeADirectoryAreRefused() {
    String bad = REPLY.replace("\"id\": \"s12-node-1\"", "\"id\": \"../../etc\"");
    assertThrows(
        IllegalArgumentException.class, () -> DesiredState.fromJson(Json.parseObject(bad)));
  }

  @Test
  void instanceStateRoundTripsWithNulls() throws IOException {
    InstanceState state =
        InstanceState.INITIAL
            .withCode(2, "9d8b")
            .withInitDone(2)
            .withHandled(new Commands(3, 1, 0))
            .withScript(Script.RUN, ScriptRecord.started(3, 1234, 99))
            .withScript(Script.INIT, ScriptRecord.started(2, 1200, 98).exited(0))
            .withFailure(new InstanceState.Failure("2:9d8b", "init.sh exited with 1"));
    InstanceStateStore store = new InstanceStateStore(temp);
    store.save("s1-a-0", state);
    assertEquals(state, store.load("s1-a-0"));
    assertEquals(InstanceState.INITIAL, store.load("s1-unknown-0"));
    assertTrue(Json.write(Map.of("k", List.of())).contains("[]"));
    assertTrue(
        Json.write(new java.util.HashMap<>(java.util.Collections.singletonMap("m", null)))
            .contains("\"m\":null"));
  }
}
