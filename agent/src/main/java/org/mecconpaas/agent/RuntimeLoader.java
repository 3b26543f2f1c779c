package org.mecconpaas.agent;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import org.mecconpaas.agent.runtime.ContainerRuntime;
import org.mecconpaas.agent.runtime.RuntimeUnavailable;
import org.mecconpaas.agent.runtime.process.ProcessRuntime;

/**
 * Makes the configured runtime. LXC is loaded by name so the agent builds and runs on boards where
 * that runtime is left out.
 */
final class RuntimeLoader {
  static final String LXC_CLASS = "org.mecconpaas.agent.runtime.lxc.LxcRuntime";

  private RuntimeLoader() {}

  /** The runtime, checked to work here. */
  static ContainerRuntime load(String name, Path stateDir) throws RuntimeUnavailable {
    ContainerRuntime runtime =
        switch (name) {
          case "process" -> new ProcessRuntime(stateDir);
          case "lxc" -> reflective(LXC_CLASS, stateDir);
          default -> throw new RuntimeUnavailable("unknown runtime '" + name + "'");
        };
    runtime.checkAvailable();
    return runtime;
  }

  static ContainerRuntime reflective(String className, Path stateDir) throws RuntimeUnavailable {
    try {
      Class<?> type = Class.forName(className);
      return (ContainerRuntime) type.getConstructor(Path.class).newInstance(stateDir);
    } catch (ClassNotFoundException e) {
      throw new RuntimeUnavailable(
          "runtime class " + className + " is not part of this agent build");
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeUnavailable unavailable) {
        throw unavailable;
      }
      throw new RuntimeUnavailable("runtime " + className + " cannot start: " + cause);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new RuntimeUnavailable("runtime class " + className + " is unusable: " + e);
    }
  }
}
