package org.mecconpaas.agent;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mecconpaas.agent.runtime.ContainerRuntime;
import org.mecconpaas.agent.runtime.ContainerSpec;
import org.mecconpaas.agent.runtime.RuntimeUnavailable;

/** A runtime loaded by name, like LXC, that cannot work on this machine. */
public final class UnavailableRuntime implements ContainerRuntime {
  public UnavailableRuntime(Path stateDir) {}

  @Override
  public String name() {
    return "unavailable";
  }

  @Override
  public void checkAvailable() throws RuntimeUnavailable {
    throw new RuntimeUnavailable("needs a flux capacitor");
  }

  @Override
  public void ensure(ContainerSpec spec) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Set<String> list() {
    return Set.of();
  }

  @Override
  public boolean isRunning(String name) {
    return false;
  }

  @Override
  public Path workDir(String name) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Process exec(
      String name,
      List<String> command,
      Map<String, String> environment,
      Path stdout,
      Path stderr) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void remove(String name) {}
}
