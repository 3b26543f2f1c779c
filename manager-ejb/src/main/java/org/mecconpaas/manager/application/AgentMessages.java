package org.mecconpaas.manager.application;

import java.util.List;
import java.util.Map;
import org.mecconpaas.manager.domain.model.service.InstanceReport;

/** The agent protocol's messages as the master's use cases see them (docs/agent-protocol.md). */
public final class AgentMessages {
  private AgentMessages() {}

  /** A board asking to join. */
  public record Enrollment(
      String joinToken,
      String name,
      Double latitude,
      Double longitude,
      Integer cpuMillis,
      Integer memoryMiB,
      String address,
      String runtime) {}

  /** The answer to an enrollment: the node's credential, shown only here. */
  public record Enrolled(String node, String credential, long heartbeatIntervalMillis) {}

  /**
   * What was appended to one log stream of an instance since {@code offset}; {@code nextOffset} is
   * where the agent's file ends after it (byte offsets on the agent's side).
   */
  public record LogChunk(
      String instance, String stream, long offset, long nextOffset, String data) {}

  /** A heartbeat's report; {@code clients}: the stations associated with the node's AP now. */
  public record Report(
      Double cpuLoad,
      Integer memoryUsedMiB,
      List<InstanceReport> instances,
      List<LogChunk> logs,
      List<StationSeen> clients) {

    public Report {
      clients = clients == null ? List.of() : List.copyOf(clients);
    }

    /** A report from a node without an access point (or before it reports stations). */
    public Report(
        Double cpuLoad,
        Integer memoryUsedMiB,
        List<InstanceReport> instances,
        List<LogChunk> logs) {
      this(cpuLoad, memoryUsedMiB, instances, logs, List.of());
    }
  }

  /**
   * A mobile client associated with the node's Wi-Fi access point.
   *
   * @param client the station's id (its MAC address on a real board, e.g. {@code c07} emulated)
   * @param sinceMillis when it associated, epoch milliseconds (the agent's clock)
   */
  public record StationSeen(String client, long sinceMillis) {}

  /**
   * One target of a route: an instance that serves the service, and the one-way latency the node's
   * router adds to emulate the distance to it (0 on real boards).
   */
  public record RouteTarget(String instance, String ip, int port, String node, int latencyMillis) {}

  /**
   * The access-point router's entry for one service: it listens on the node's address at {@code
   * port} and forwards each connection to the first target that answers (nearest first).
   */
  public record Route(String service, int port, List<RouteTarget> targets) {}

  /**
   * What the node's access point does: the stations the mobility emulation associates with it (an
   * emulated board's Wi-Fi; empty for real boards, whose hostapd knows), and its routes.
   */
  public record AccessPointPlan(List<String> stations, List<Route> routes) {
    public static final AccessPointPlan NONE = new AccessPointPlan(List.of(), List.of());
  }

  /** Which bundle an instance runs. */
  public record CodeRef(int version, String sha256, String path, String format) {}

  /** A member of a service, as notify.sh sees it in agents.json ({@code port}: its MY_PORT). */
  public record Member(String ip, String role, String id, int port) {}

  /** One instance the node must run, with everything the agent needs to run it. */
  public record DesiredInstance(
      String id,
      String service,
      String type,
      String role,
      int cpuMillis,
      int memoryMiB,
      int port,
      CodeRef code,
      Map<String, String> env,
      Membership membership,
      Map<String, Integer> commands) {}

  /** The service's members; {@code generation} grows with every change, which runs notify.sh. */
  public record Membership(long generation, List<Member> agents) {}

  /** The heartbeat's answer: the node's whole desired state. */
  public record Reply(
      long heartbeatIntervalMillis,
      Map<String, Map<String, Long>> logOffsets,
      List<DesiredInstance> instances,
      AccessPointPlan accessPoint) {}
}
