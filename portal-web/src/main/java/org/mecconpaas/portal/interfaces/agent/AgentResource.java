package org.mecconpaas.portal.interfaces.agent;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.mecconpaas.manager.application.AgentGateway;
import org.mecconpaas.manager.application.AgentMessages.Enrolled;
import org.mecconpaas.manager.application.AgentMessages.Enrollment;
import org.mecconpaas.manager.application.AgentMessages.LogChunk;
import org.mecconpaas.manager.application.AgentMessages.Reply;
import org.mecconpaas.manager.application.AgentMessages.Report;
import org.mecconpaas.manager.application.AgentMessages.StationSeen;
import org.mecconpaas.manager.application.AgentWakeups;
import org.mecconpaas.manager.domain.model.MalformedRequest;
import org.mecconpaas.manager.domain.model.service.InstanceReport;
import org.mecconpaas.manager.domain.model.service.InstanceState;

/** Enrollment, heartbeats and bundles. Reports are read with JSON-P: script states pass through. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {
  /** Shorter than the agent's request timeout (30 s) and than idle timeouts of proxies between. */
  static final long WAKE_TIMEOUT_SECONDS = 20;

  @Inject private AgentGateway gateway;
  @Inject private AgentWakeups wakeups;

  @POST
  @Path("enroll")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response enroll(Enrollment enrollment) {
    if (enrollment == null) {
      throw new MalformedRequest("enrollment needs a JSON body");
    }
    Enrolled enrolled = gateway.enroll(enrollment);
    return Response.status(201).entity(enrolled).build();
  }

  @POST
  @Path("heartbeat")
  @Consumes(MediaType.APPLICATION_JSON)
  public Reply heartbeat(@HeaderParam("Authorization") String authorization, JsonObject report) {
    if (report == null) {
      throw new MalformedRequest("a heartbeat needs a JSON body");
    }
    Report parsed;
    try {
      parsed = HeartbeatReports.parse(report);
    } catch (RuntimeException e) {
      throw new MalformedRequest("the heartbeat report does not follow the agent protocol");
    }
    return gateway.heartbeat(credential(authorization), parsed);
  }

  /**
   * The agent's long poll: answered with the node's wake version as soon as it differs from {@code
   * since} (its heartbeat reply changed), else with {@code since} after {@value
   * #WAKE_TIMEOUT_SECONDS} s, and the agent asks again. See {@link AgentWakeups}.
   */
  @GET
  @Path("wake")
  public void wake(
      @HeaderParam("Authorization") String authorization,
      @QueryParam("since") @DefaultValue("-1") long since,
      @Suspended AsyncResponse response) {
    String node = gateway.authenticate(credential(authorization)).name();
    LongConsumer answer = version -> response.resume(wakeVersion(version));
    response.setTimeout(WAKE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    response.setTimeoutHandler(
        timedOut -> {
          wakeups.forget(node, answer);
          timedOut.resume(wakeVersion(since));
        });
    wakeups.await(node, since, answer);
  }

  private static JsonObject wakeVersion(long version) {
    return Json.createObjectBuilder().add("version", version).build();
  }

  @GET
  @Path("bundles/{service}/{version}")
  @Produces(MediaType.APPLICATION_OCTET_STREAM)
  public Response bundle(
      @HeaderParam("Authorization") String authorization,
      @PathParam("service") long service,
      @PathParam("version") int version) {
    return Response.ok(gateway.bundle(credential(authorization), service, version).toFile())
        .build();
  }

  private static String credential(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return authorization.substring(7).trim();
  }

  /** Turns a heartbeat body into the manager's report. */
  static final class HeartbeatReports {
    private HeartbeatReports() {}

    static Report parse(JsonObject body) {
      JsonObject metrics = body.getJsonObject("metrics");
      List<InstanceReport> instances = new ArrayList<>();
      List<LogChunk> logs = new ArrayList<>();
      for (JsonValue value :
          body.getJsonArray("instances") == null
              ? List.<JsonValue>of()
              : body.getJsonArray("instances")) {
        JsonObject instance = value.asJsonObject();
        String id = instance.getString("id");
        JsonObject scripts = instance.getJsonObject("scripts");
        instances.add(
            new InstanceReport(
                id,
                InstanceState.fromReport(instance.getString("state", "")),
                instance.getString("message", null),
                instance.containsKey("codeVersion") && !instance.isNull("codeVersion")
                    ? instance.getInt("codeVersion")
                    : null,
                instance.getString("address", null),
                scripts == null ? null : scripts.toString(),
                scripts != null && scripts.values().stream().anyMatch(HeartbeatReports::isRunning),
                HeartbeatReports.metrics(instance.getJsonObject("metrics"))));
        JsonObject streams = instance.getJsonObject("logs");
        if (streams != null) {
          streams.forEach((stream, chunk) -> logs.add(chunk(id, stream, chunk.asJsonObject())));
        }
      }
      return new Report(
          metrics == null || !metrics.containsKey("cpuLoad")
              ? null
              : metrics.getJsonNumber("cpuLoad").doubleValue(),
          metrics == null || !metrics.containsKey("memoryUsedMiB")
              ? null
              : metrics.getInt("memoryUsedMiB"),
          instances,
          logs,
          stations(body.getJsonArray("clients")));
    }

    /** The access point's stations: well-formed entries only (an id and a time). */
    private static List<StationSeen> stations(jakarta.json.JsonArray clients) {
      List<StationSeen> seen = new ArrayList<>();
      if (clients == null) {
        return seen;
      }
      for (JsonValue value : clients) {
        if (value instanceof JsonObject client
            && client.get("id") instanceof jakarta.json.JsonString id
            && id.getString().matches("[A-Za-z0-9:._-]{1,64}")
            && client.get("since") instanceof jakarta.json.JsonNumber since) {
          seen.add(new StationSeen(id.getString(), since.longValue()));
        }
      }
      return seen;
    }

    private static LogChunk chunk(String id, String stream, JsonObject chunk) {
      long offset = chunk.getJsonNumber("offset").longValue();
      String data = chunk.getString("data", "");
      long next =
          chunk.containsKey("nextOffset")
              ? chunk.getJsonNumber("nextOffset").longValue()
              : offset + data.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
      return new LogChunk(id, stream, offset, next, data);
    }

    /** Numbers only, under sane names; anything else an agent sends is dropped. */
    static java.util.Map<String, Double> metrics(JsonObject metrics) {
      java.util.Map<String, Double> figures = new java.util.LinkedHashMap<>();
      if (metrics == null) {
        return figures;
      }
      metrics.forEach(
          (key, value) -> {
            if (figures.size() < 32
                && key.matches("[A-Za-z][A-Za-z0-9]{0,39}")
                && value instanceof jakarta.json.JsonNumber number
                && Double.isFinite(number.doubleValue())) {
              figures.put(key, number.doubleValue());
            }
          });
      return figures;
    }

    private static boolean isRunning(JsonValue script) {
      return script.getValueType() == JsonValue.ValueType.OBJECT
          && "RUNNING".equals(script.asJsonObject().getString("state", ""));
    }
  }
}
