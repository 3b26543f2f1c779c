package org.mecconpaas.portal.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.mecconpaas.manager.application.Caller;
import org.mecconpaas.manager.application.DashboardQueries;
import org.mecconpaas.manager.application.NodeRegistry;
import org.mecconpaas.manager.application.NodeRegistry.IssuedEnrollment;
import org.mecconpaas.manager.domain.model.DomainException;
import org.mecconpaas.manager.domain.model.node.Node;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;

/** Operators: the nodes, their join tokens, drain and undrain. */
@Named
@ViewScoped
public class NodesBean implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A node in the table. */
  public record NodeRow(
      String name,
      String state,
      boolean drained,
      Instant lastHeartbeatAt,
      int cpuMillis,
      int memoryMiB,
      Double load,
      Integer memoryUsedMiB,
      long containers,
      String address,
      String runtime,
      double latitude,
      double longitude)
      implements Serializable {}

  /** A join token in the table; its secret is never kept. */
  public record TokenRow(
      long id,
      String nodeName,
      String createdBy,
      Instant createdAt,
      Instant expiresAt,
      Instant usedAt)
      implements Serializable {
    public String status() {
      if (usedAt != null) {
        return "used";
      }
      return Instant.now().isBefore(expiresAt) ? "open" : "expired";
    }
  }

  @Inject private transient NodeRegistry registry;
  @Inject private transient DashboardQueries queries;
  @Inject private transient CurrentCaller caller;

  private List<NodeRow> nodes;
  private List<TokenRow> tokens;
  private String tokenNode;
  private Integer tokenHours = 24;
  private String issuedSecret;
  private String issuedFor;

  @PostConstruct
  public void load() {
    Caller me = caller.get();
    nodes =
        queries.edge(me).stream()
            .map(
                o -> {
                  Node n = o.node();
                  return new NodeRow(
                      n.name(),
                      n.state().name(),
                      n.drained(),
                      n.lastHeartbeatAt(),
                      n.cpuMillis(),
                      n.memoryMiB(),
                      n.cpuLoad(),
                      n.memoryUsedMiB(),
                      o.containers(),
                      n.address(),
                      n.runtime(),
                      n.latitude(),
                      n.longitude());
                })
            .toList();
    tokens =
        registry.tokens(me).stream()
            .map(
                t ->
                    new TokenRow(
                        t.id(),
                        t.nodeName(),
                        t.createdBy(),
                        t.createdAt(),
                        t.expiresAt(),
                        t.usedAt()))
            .toList();
  }

  public void drain(NodeRow row) {
    setDrained(row, true);
  }

  public void undrain(NodeRow row) {
    setDrained(row, false);
  }

  private void setDrained(NodeRow row, boolean drain) {
    try {
      registry.drain(caller.get(), row.name(), drain);
      Feedback.info(
          drain
              ? "Node " + row.name() + " drains: no new instances, current ones move away"
              : "Node " + row.name() + " takes instances again");
    } catch (DomainException refused) {
      Feedback.refused(refused);
    }
    load();
  }

  public void issueToken() {
    issuedSecret = null;
    try {
      IssuedEnrollment issued =
          registry.issueToken(caller.get(), ApplicationsBean.blankToNull(tokenNode), tokenHours);
      issuedSecret = issued.secret();
      issuedFor = issued.token().nodeName() == null ? "any node" : issued.token().nodeName();
      tokenNode = null;
    } catch (DomainException refused) {
      Feedback.refused(
          refused, Map.of("nodeName", "enroll:tokenNode", "expiresInHours", "enroll:tokenHours"));
    }
    load();
  }

  public void dismissSecret() {
    issuedSecret = null;
    issuedFor = null;
  }

  public List<NodeRow> getNodes() {
    return nodes;
  }

  public List<TokenRow> getTokens() {
    return tokens;
  }

  public String getTokenNode() {
    return tokenNode;
  }

  public void setTokenNode(String tokenNode) {
    this.tokenNode = tokenNode;
  }

  public Integer getTokenHours() {
    return tokenHours;
  }

  public void setTokenHours(Integer tokenHours) {
    this.tokenHours = tokenHours;
  }

  public String getIssuedSecret() {
    return issuedSecret;
  }

  public String getIssuedFor() {
    return issuedFor;
  }
}
