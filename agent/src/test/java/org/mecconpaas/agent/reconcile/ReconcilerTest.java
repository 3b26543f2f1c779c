package org.mecconpaas.agent.reconcile;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.agent.bundle.BundleFetcher;
import org.mecconpaas.agent.desired.DesiredState;
import org.mecconpaas.agent.runtime.ContainerSpec;
import org.mecconpaas.agent.runtime.ProcessGroups;
import org.mecconpaas.agent.runtime.process.ProcessRuntime;
import org.mecconpaas.agent.state.Credential;
import org.mecconpaas.agent.state.CredentialStore;
import org.mecconpaas.agent.state.InstanceStateStore;

/** Containers the desired state does not know: kept while nothing is known, removed after. */
class ReconcilerTest {
  @TempDir Path stateDir;
  private ProcessRuntime runtime;
  private Reconciler reconciler;

  @BeforeEach
  void setUp() throws Exception {
    new CredentialStore(stateDir)
        .save(new Credential("rec-" + ProcessHandle.current().pid(), "node_x", null));
    runtime = new ProcessRuntime(stateDir);
    BundleFetcher noBundles =
        new BundleFetcher(
            (path, target) -> {
              throw new java.io.IOException("no master in this test");
            });
    reconciler = new Reconciler(runtime, new InstanceStateStore(stateDir), noBundles, "127.0.0.1");
  }

  @AfterEach
  void tearDown() throws Exception {
    reconciler.stop();
    for (String name : runtime.list()) {
      runtime.remove(name);
    }
    for (String controller : List.of("cpu", "memory")) {
      try {
        java.nio.file.Files.deleteIfExists(
            Path.of("/sys/fs/cgroup", controller, "mec", "rec-" + ProcessHandle.current().pid()));
      } catch (java.io.IOException e) {
        // not root
      }
    }
  }

  @Test
  void orphansAreRemovedOnlyOnceADesiredStateIsKnown() throws Exception {
    runtime.ensure(new ContainerSpec("s9-old-0", 0, 0));
    runtime.ensure(new ContainerSpec("base-image", 0, 0));
    Process orphan =
        runtime.exec(
            "s9-old-0",
            List.of("/bin/sh", "-c", "sleep 600"),
            Map.of(),
            stateDir.resolve("o.out"),
            stateDir.resolve("o.err"));

    reconciler.reconcileOnce();
    assertEquals(Set.of("base-image", "s9-old-0"), runtime.list(), "no desired state: no removal");

    reconciler.desire(new DesiredState(List.of()));
    reconciler.reconcileOnce();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              reconciler.reconcileOnce(); // collects finished (or retries failed) removals
              return !runtime.list().contains("s9-old-0");
            });
    reconciler.reconcileOnce();
    assertTrue(ProcessGroups.members(orphan.pid()).isEmpty());
    assertEquals(Set.of("base-image"), runtime.list(), "not an instance id: not ours to remove");
    assertTrue(reconciler.reports().isEmpty());
  }
}
