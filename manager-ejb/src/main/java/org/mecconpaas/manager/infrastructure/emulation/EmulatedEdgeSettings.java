package org.mecconpaas.manager.infrastructure.emulation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of the emulated edge; {@code mec.edge.emulated-nodes=0} turns it off. */
@ApplicationScoped
public class EmulatedEdgeSettings {
  private int nodes;
  private Optional<String> agentJar;
  private String runtime;
  private int masterPort;

  protected EmulatedEdgeSettings() {}

  @Inject
  public EmulatedEdgeSettings(
      @ConfigProperty(name = "mec.edge.emulated-nodes") int nodes,
      @ConfigProperty(name = "mec.edge.agent-jar") Optional<String> agentJar,
      @ConfigProperty(name = "mec.edge.runtime") String runtime,
      @ConfigProperty(name = "mec.http.port") int masterPort) {
    this.nodes = nodes;
    this.agentJar = agentJar;
    this.runtime = runtime;
    this.masterPort = masterPort;
  }

  public int nodes() {
    return nodes;
  }

  public Optional<Path> agentJar() {
    return agentJar.filter(s -> !s.isBlank()).map(Path::of);
  }

  public String runtime() {
    return runtime;
  }

  public int masterPort() {
    return masterPort;
  }
}
