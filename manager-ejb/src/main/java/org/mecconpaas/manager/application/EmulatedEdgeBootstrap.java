package org.mecconpaas.manager.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mecconpaas.manager.infrastructure.config.MasterSettings;
import org.mecconpaas.manager.infrastructure.emulation.EmulatedEdgeLauncher;
import org.mecconpaas.manager.infrastructure.emulation.EmulatedEdgeSettings;

/**
 * The embedded default's emulated edge: join tokens for the emulated nodes not registered yet, then
 * the emulator process, unless it still runs from before a restart. Off when {@code
 * mec.edge.emulated-nodes} is 0, as on a master for real boards.
 */
@Singleton
@Startup
@DependsOn("AdminBootstrap")
public class EmulatedEdgeBootstrap {
  private static final Logger LOG = Logger.getLogger(EmulatedEdgeBootstrap.class.getName());

  @Inject private EmulatedEdgeSettings edge;
  @Inject private MasterSettings master;
  @Inject private NodeRegistry registry;

  @Resource private ManagedExecutorService executor;

  @PostConstruct
  void startEdge() {
    if (edge.nodes() <= 0) {
      return;
    }
    Path jar = edge.agentJar().orElse(null);
    if (jar == null || !Files.isRegularFile(jar)) {
      LOG.warning(
          "emulated edge wanted but the agent jar is missing (mec.edge.agent-jar="
              + jar
              + "); build it with mvn package");
      return;
    }
    EmulatedEdgeLauncher launcher =
        new EmulatedEdgeLauncher(master.dataDir().resolve("edge"), edge);
    if (launcher.running().isPresent()) {
      LOG.info("emulated edge still running from before; adopting it");
      return;
    }
    Map<String, String> tokens = registry.joinTokensForEmulatedNodes(edge.nodes());
    executor.submit(
        () -> {
          try {
            launcher.start(jar, tokens);
          } catch (Exception e) {
            LOG.log(Level.SEVERE, "could not start the emulated edge", e);
          }
          return null;
        });
  }
}
