package org.mecconpaas.manager.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mecconpaas.catalog.ServiceType;
import org.mecconpaas.manager.application.AgentMessages.CodeRef;
import org.mecconpaas.manager.application.AgentMessages.DesiredInstance;
import org.mecconpaas.manager.application.AgentMessages.Enrolled;
import org.mecconpaas.manager.application.AgentMessages.Enrollment;
import org.mecconpaas.manager.application.AgentMessages.LogChunk;
import org.mecconpaas.manager.application.AgentMessages.Member;
import org.mecconpaas.manager.application.AgentMessages.Membership;
import org.mecconpaas.manager.application.AgentMessages.Reply;
import org.mecconpaas.manager.application.AgentMessages.Report;
import org.mecconpaas.manager.domain.model.AuthenticationFailed;
import org.mecconpaas.manager.domain.model.DnsLabel;
import org.mecconpaas.manager.domain.model.ResourceNotFound;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.StateConflict;
import org.mecconpaas.manager.domain.model.node.EnrollmentToken;
import org.mecconpaas.manager.domain.model.node.Node;
import org.mecconpaas.manager.domain.model.placement.ResourceRequest;
import org.mecconpaas.manager.domain.model.service.CodeVersion;
import org.mecconpaas.manager.domain.model.service.Instance;
import org.mecconpaas.manager.domain.model.service.InstanceReport;
import org.mecconpaas.manager.domain.model.service.Service;
import org.mecconpaas.manager.domain.model.service.ServiceState;
import org.mecconpaas.manager.infrastructure.config.MasterSettings;
import org.mecconpaas.manager.infrastructure.persistence.CodeVersionRepository;
import org.mecconpaas.manager.infrastructure.persistence.InstanceRepository;
import org.mecconpaas.manager.infrastructure.persistence.NodeRepository;
import org.mecconpaas.manager.infrastructure.security.SecretTokens;
import org.mecconpaas.manager.infrastructure.storage.CodeStore;
import org.mecconpaas.manager.infrastructure.storage.InstanceLogs;

/**
 * The master's side of the agent protocol: enrollment with a join token, heartbeats (report in,
 * desired state out) and bundle downloads. Nodes authenticate with their own credential.
 */
@ApplicationScoped
@Transactional
public class AgentGateway {
  private static final String BAD_JOIN_TOKEN = "the join token is unknown, used or expired";

  private NodeRepository nodes;
  private InstanceRepository instances;
  private CodeVersionRepository versions;
  private CodeStore codeStore;
  private InstanceLogs logs;
  private AuditTrail audit;
  private Clock clock;
  private MasterSettings settings;
  private InstanceMetricsHistory metrics;
  private AccessPoints accessPoints;

  @Inject private jakarta.enterprise.event.Event<ServiceChanged> changes;

  protected AgentGateway() {}

  @Inject
  public AgentGateway(
      NodeRepository nodes,
      InstanceRepository instances,
      CodeVersionRepository versions,
      CodeStore codeStore,
      InstanceLogs logs,
      AuditTrail audit,
      Clock clock,
      MasterSettings settings,
      InstanceMetricsHistory metrics,
      AccessPoints accessPoints) {
    this.nodes = nodes;
    this.instances = instances;
    this.versions = versions;
    this.codeStore = codeStore;
    this.logs = logs;
    this.audit = audit;
    this.clock = clock;
    this.settings = settings;
    this.metrics = metrics;
    this.accessPoints = accessPoints;
  }

  /** Registers a node for a valid, unused join token; nothing is stored otherwise. */
  public Enrolled enroll(Enrollment request) {
    Instant now = clock.instant();
    EnrollmentToken token =
        Optional.ofNullable(request.joinToken())
            .flatMap(t -> nodes.tokenByHash(SecretTokens.digest(t)))
            .filter(t -> t.isUsableAt(now))
            .orElseThrow(
                () -> {
                  audit.failure("agent", "node.enroll", null, null, null, BAD_JOIN_TOKEN);
                  return new AuthenticationFailed(BAD_JOIN_TOKEN);
                });
    String name = nodeName(request, token);
    checkPosition(request);
    if (nodes.byName(name).isPresent()) {
      throw new StateConflict("a node named " + name + " is registered already");
    }
    String credential = SecretTokens.generate("node");
    nodes.add(
        new Node(
            name,
            request.latitude(),
            request.longitude(),
            positive("cpuMillis", request.cpuMillis()),
            positive("memoryMiB", request.memoryMiB()),
            SecretTokens.digest(credential),
            request.address(),
            request.runtime(),
            now));
    token.markUsed(now);
    audit.success("agent", "node.enroll", null, null, null, name + " at " + request.address());
    return new Enrolled(name, credential, settings.heartbeatInterval().toMillis());
  }

  private static String nodeName(Enrollment request, EnrollmentToken token) {
    String name = request.name() == null ? token.nodeName() : request.name();
    if (token.nodeName() != null && !token.nodeName().equals(name)) {
      throw new RuleViolation("name", "this join token is for node " + token.nodeName());
    }
    return DnsLabel.require("name", name);
  }

  private static void checkPosition(Enrollment request) {
    List<RuleViolation.FieldError> errors = new ArrayList<>();
    if (request.latitude() == null || Math.abs(request.latitude()) > 90) {
      errors.add(new RuleViolation.FieldError("latitude", "latitude must be in [-90, 90]"));
    }
    if (request.longitude() == null || Math.abs(request.longitude()) > 180) {
      errors.add(new RuleViolation.FieldError("longitude", "longitude must be in [-180, 180]"));
    }
    if (!errors.isEmpty()) {
      throw new RuleViolation("the node's position is invalid", errors);
    }
  }

  private static int positive(String field, Integer value) {
    if (value == null || value <= 0) {
      throw new RuleViolation(field, field + " must be a positive number");
    }
    return value;
  }

  /** The node a credential belongs to; 401 for unknown or revoked credentials. */
  public Node authenticate(String credential) {
    return Optional.ofNullable(credential)
        .flatMap(c -> nodes.byCredentialHash(SecretTokens.digest(c)))
        .orElseThrow(() -> new AuthenticationFailed("unknown or revoked node credential"));
  }

  /** Takes a node's report and answers with its whole desired state. */
  public Reply heartbeat(String credential, Report report) {
    Node node = authenticate(credential);
    Instant now = clock.instant();
    if (node.heartbeat(now, report.cpuLoad(), report.memoryUsedMiB())) {
      audit.success("agent", "node.up", null, null, null, node.name() + " reports again");
    }
    Map<String, InstanceReport> reported = new HashMap<>();
    report.instances().forEach(r -> reported.put(r.name(), r));
    List<DesiredInstance> desired = new ArrayList<>();
    List<Instance> onNode = instances.on(node);
    for (Instance instance : onNode) {
      InstanceReport r = reported.get(instance.name());
      if (instance.removing()) {
        if (r == null) {
          instances.remove(instance); // the node confirmed the container is gone
        }
        continue;
      }
      if (r != null) {
        if (r.state() != instance.state() && changes != null) {
          changes.fire(new ServiceChanged(instance.service().id()));
        }
        instance.reported(r, now);
        metrics.record(instance.name(), now, r.metrics());
      }
      if (instance.service().desiredState() == ServiceState.RUNNING) {
        desired.add(desired(instance));
      }
    }
    return new Reply(
        settings.heartbeatInterval().toMillis(),
        storeLogs(onNode, report.logs()),
        desired,
        accessPoints.heartbeat(node, report.clients(), now));
  }

  /** Stores log chunks of the node's own instances; anything else it sends is ignored. */
  private Map<String, Map<String, Long>> storeLogs(List<Instance> onNode, List<LogChunk> chunks) {
    java.util.Set<String> own =
        onNode.stream().map(Instance::name).collect(java.util.stream.Collectors.toSet());
    Map<String, Map<String, Long>> offsets = new LinkedHashMap<>();
    for (LogChunk chunk : chunks) {
      if (!InstanceLogs.STREAMS.contains(chunk.stream()) || !own.contains(chunk.instance())) {
        continue;
      }
      long stored =
          logs.append(
              chunk.instance(), chunk.stream(), chunk.offset(), chunk.nextOffset(), chunk.data());
      offsets
          .computeIfAbsent(chunk.instance(), k -> new LinkedHashMap<>())
          .put(chunk.stream(), stored);
    }
    return offsets;
  }

  private DesiredInstance desired(Instance instance) {
    Service service = instance.service();
    List<Instance> members =
        instances.of(service).stream().filter(i -> !i.removing() && i.node() != null).toList();
    // the first instance of the type's first role (the generic service's master) leads
    String firstRole = ServiceOperations.type(service.type()).roles().get(0).name();
    String masterIp =
        members.stream()
            .filter(i -> i.slot() == 0 && i.role().equals(firstRole))
            .map(Instance::address)
            .findFirst()
            .orElse(instance.address());
    Map<String, String> env = new LinkedHashMap<>();
    env.put("MY_ROLE", instance.role());
    env.put("MY_IP", String.valueOf(instance.address()));
    env.put("MY_PORT", Integer.toString(instance.port()));
    env.put("MASTER_IP", String.valueOf(masterIp));
    ServiceType type = ServiceOperations.type(service.type());
    service
        .settings()
        .forEach(
            (name, value) ->
                type.setting(name).ifPresent(spec -> env.put(spec.environmentName(), value)));
    ResourceRequest request = ResourceRequest.of(type, instance.role());
    return new DesiredInstance(
        instance.name(),
        service.application().name() + "/" + service.name(),
        service.type(),
        instance.role(),
        request.cpuMillis(),
        request.memoryMiB(),
        instance.port(),
        code(service),
        env,
        new Membership(
            service.membershipGeneration(),
            members.stream()
                .map(m -> new Member(m.address(), m.role(), m.name(), m.port()))
                .toList()),
        Map.of(
            "run", service.runCount(),
            "interrupt", service.interruptCount(),
            "cleanup", service.cleanupCount()));
  }

  private CodeRef code(Service service) {
    if (service.activeCodeVersion() == null || "flink".equals(service.type())) {
      // a Flink service's code versions are job jars, submitted to its JobManager (FlinkJobs)
      return null;
    }
    return versions
        .byVersion(service, service.activeCodeVersion())
        .map(
            v ->
                new CodeRef(
                    v.version(),
                    v.sha256(),
                    "/agent/v1/bundles/" + service.id() + "/" + v.version(),
                    v.format()))
        .orElse(null);
  }

  /**
   * A bundle for a node that runs an instance of its service; others are told it does not exist.
   */
  public Path bundle(String credential, long serviceId, int version) {
    Node node = authenticate(credential);
    CodeVersion code =
        instances.on(node).stream()
            .map(Instance::service)
            .filter(s -> s.id() == serviceId)
            .findFirst()
            .flatMap(s -> versions.byVersion(s, version))
            .orElseThrow(() -> new ResourceNotFound("no such bundle for this node"));
    return codeStore.locate(code.storagePath());
  }
}
