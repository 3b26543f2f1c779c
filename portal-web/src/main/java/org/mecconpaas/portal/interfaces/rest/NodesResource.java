package org.mecconpaas.portal.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.mecconpaas.manager.application.NodeRegistry;
import org.mecconpaas.manager.application.NodeRegistry.IssuedEnrollment;
import org.mecconpaas.manager.domain.model.node.EnrollmentToken;
import org.mecconpaas.manager.domain.model.node.Node;
import org.mecconpaas.manager.domain.model.node.NodeState;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;

/** Edge nodes and their enrollment tokens, for operators. */
@Path("nodes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NodesResource {
  /** A request for a join token; both fields are optional. */
  public record TokenRequest(String nodeName, Integer expiresInHours) {}

  /** A join token; {@code token} is set only in the answer that creates it. */
  public record EnrollmentTokenView(
      long id,
      String nodeName,
      String createdBy,
      Instant createdAt,
      Instant expiresAt,
      Instant usedAt,
      String token) {
    static EnrollmentTokenView of(EnrollmentToken t, String secret) {
      return new EnrollmentTokenView(
          t.id(), t.nodeName(), t.createdBy(), t.createdAt(), t.expiresAt(), t.usedAt(), secret);
    }
  }

  /** A node. */
  public record NodeView(
      String name,
      double latitude,
      double longitude,
      int cpuMillis,
      int memoryMiB,
      NodeState state,
      Instant lastHeartbeatAt,
      String address,
      String runtime,
      Double cpuLoad,
      Integer memoryUsedMiB,
      boolean revoked,
      java.util.Set<String> labels) {
    static NodeView of(Node n) {
      return new NodeView(
          n.name(),
          n.latitude(),
          n.longitude(),
          n.cpuMillis(),
          n.memoryMiB(),
          n.state(),
          n.lastHeartbeatAt(),
          n.address(),
          n.runtime(),
          n.cpuLoad(),
          n.memoryUsedMiB(),
          n.revoked(),
          n.labels());
    }
  }

  @Inject private NodeRegistry registry;
  @Inject private CurrentCaller caller;

  @GET
  public List<NodeView> list() {
    return registry.list(caller.get()).stream().map(NodeView::of).toList();
  }

  @GET
  @Path("{node}")
  public NodeView get(@PathParam("node") String node) {
    return NodeView.of(registry.get(caller.get(), node));
  }

  /**
   * The node's labels, e.g. {@code {"labels": ["outdoor"]}}: placement constraints ask for them.
   */
  public record LabelsRequest(java.util.Set<String> labels) {}

  @jakarta.ws.rs.PUT
  @Path("{node}/labels")
  @jakarta.ws.rs.Consumes(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
  public NodeView label(@PathParam("node") String node, LabelsRequest body) {
    return NodeView.of(registry.label(caller.get(), node, RequestBodies.required(body).labels()));
  }

  /** Takes no new instances and hands its current ones over to other nodes. */
  @POST
  @Path("{node}/drain")
  public NodeView drain(@PathParam("node") String node) {
    return NodeView.of(registry.drain(caller.get(), node, true));
  }

  /** Withdraws the node's credential; its agent is refused and its instances move elsewhere. */
  @POST
  @Path("{node}/revoke")
  public NodeView revoke(@PathParam("node") String node) {
    return NodeView.of(registry.revoke(caller.get(), node));
  }

  @POST
  @Path("{node}/undrain")
  public NodeView undrain(@PathParam("node") String node) {
    return NodeView.of(registry.drain(caller.get(), node, false));
  }

  @GET
  @Path("enrollment-tokens")
  public List<EnrollmentTokenView> tokens() {
    return registry.tokens(caller.get()).stream()
        .map(t -> EnrollmentTokenView.of(t, null))
        .toList();
  }

  @POST
  @Path("enrollment-tokens")
  public Response issueToken(TokenRequest request) {
    TokenRequest wanted = request == null ? new TokenRequest(null, null) : request;
    IssuedEnrollment issued =
        registry.issueToken(caller.get(), wanted.nodeName(), wanted.expiresInHours());
    return Response.created(URI.create("nodes/enrollment-tokens/" + issued.token().id()))
        .entity(EnrollmentTokenView.of(issued.token(), issued.secret()))
        .build();
  }
}
