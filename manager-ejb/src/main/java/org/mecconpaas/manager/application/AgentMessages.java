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

  /** A heartbeat's report. */
  public record Report(
      Double cpuLoad, Integer memoryUsedMiB, List<InstanceReport> instances, List<LogChunk> logs) {}

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
      List<DesiredInstance> instances) {}
}
