package org.mecconpaas.manager.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.mecconpaas.manager.domain.model.DnsLabel;
import org.mecconpaas.manager.domain.model.ResourceNotFound;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.node.EnrollmentToken;
import org.mecconpaas.manager.domain.model.node.Node;
import org.mecconpaas.manager.infrastructure.persistence.NodeRepository;
import org.mecconpaas.manager.infrastructure.security.SecretTokens;

/** Operators' view of the edge: nodes and the join tokens that admit new ones. */
@ApplicationScoped
@Transactional
public class NodeRegistry {
  static final int DEFAULT_TOKEN_HOURS = 24;

  /** Stands for "enrolled already" in the emulator's token list, which is one line per node. */
  public static final String NO_TOKEN = "enrolled";

  static final int MAX_TOKEN_HOURS = 24 * 30;

  /** A join token just created: the only moment its secret is known. */
  public record IssuedEnrollment(EnrollmentToken token, String secret) {}

  private NodeRepository nodes;
  private AuditTrail audit;
  private Clock clock;

  protected NodeRegistry() {}

  @Inject
  public NodeRegistry(NodeRepository nodes, AuditTrail audit, Clock clock) {
    this.nodes = nodes;
    this.audit = audit;
    this.clock = clock;
  }

  public List<Node> list(Caller caller) {
    caller.requireAdmin();
    return nodes.all();
  }

  public Node get(Caller caller, String name) {
    caller.requireAdmin();
    return nodes
        .byName(name)
        .orElseThrow(() -> new ResourceNotFound("node " + name + " not found"));
  }

  /**
   * Join tokens for emulated nodes {@code n1..nN} that are not registered yet; registered ones keep
   * their credentials across restarts and need none.
   */
  public Map<String, String> joinTokensForEmulatedNodes(int count) {
    Map<String, String> tokens = new java.util.LinkedHashMap<>();
    Instant now = clock.instant();
    for (int i = 1; i <= count; i++) {
      String name = "n" + i;
      if (nodes.byName(name).isPresent()) {
        tokens.put(name, NO_TOKEN);
        continue;
      }
      String secret = SecretTokens.generate("join");
      nodes.addToken(
          new EnrollmentToken(
              SecretTokens.digest(secret), name, "system", now, now.plus(Duration.ofHours(1))));
      tokens.put(name, secret);
    }
    List<String> issued =
        tokens.entrySet().stream()
            .filter(e -> !e.getValue().equals(NO_TOKEN))
            .map(Map.Entry::getKey)
            .toList();
    if (!issued.isEmpty()) {
      audit.success("system", "node.token.issue", null, null, null, "for emulated " + issued);
    }
    return tokens;
  }

  /** Revokes a node's credential, e.g. for a lost or stolen board. */
  public Node revoke(Caller caller, String name) {
    Node node = get(caller, name);
    node.revoke();
    audit.success(caller.username(), "node.revoke", null, null, null, name);
    return node;
  }

  /** Drains a node (no new instances, current ones move away) or takes it back into service. */
  public Node drain(Caller caller, String name, boolean drain) {
    Node node = get(caller, name);
    node.drain(drain);
    audit.success(caller.username(), drain ? "node.drain" : "node.undrain", null, null, null, name);
    return node;
  }

  /** Sets the node's labels (what placement constraints ask for); all valid or none set. */
  public Node label(Caller caller, String name, java.util.Set<String> labels) {
    Node node = get(caller, name);
    if (labels == null
        || labels.size() > 16
        || labels.stream()
            .anyMatch(l -> l == null || !l.matches("[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?"))) {
      throw new org.mecconpaas.manager.domain.model.RuleViolation(
          "labels",
          "labels: at most 16 lower-case words of letters, digits and dashes (1-32 characters)");
    }
    node.label(labels);
    audit.success(
        caller.username(),
        "node.label",
        null,
        null,
        null,
        name + " " + new java.util.TreeSet<>(labels));
    return node;
  }

  public List<EnrollmentToken> tokens(Caller caller) {
    caller.requireAdmin();
    return nodes.tokens();
  }

  /**
   * Creates a one-time join token.
   *
   * @param nodeName the name the new node will get, or null to let the node choose
   */
  public IssuedEnrollment issueToken(Caller caller, String nodeName, Integer expiresInHours) {
    caller.requireAdmin();
    if (nodeName != null) {
      DnsLabel.require("nodeName", nodeName);
    }
    int hours = expiresInHours == null ? DEFAULT_TOKEN_HOURS : expiresInHours;
    if (hours < 1 || hours > MAX_TOKEN_HOURS) {
      throw new RuleViolation(
          "expiresInHours", "expiresInHours must be between 1 and " + MAX_TOKEN_HOURS);
    }
    String secret = SecretTokens.generate("join");
    Instant now = clock.instant();
    EnrollmentToken token =
        nodes.addToken(
            new EnrollmentToken(
                SecretTokens.digest(secret),
                nodeName,
                caller.username(),
                now,
                now.plus(Duration.ofHours(hours))));
    audit.success(
        caller.username(),
        "node.token.issue",
        null,
        null,
        null,
        "for " + (nodeName == null ? "any node" : nodeName) + ", " + hours + " h");
    return new IssuedEnrollment(token, secret);
  }
}
