package org.mecconpaas.manager.infrastructure.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a stand-in JobManager that answers as Flink 2.3's REST API does. */
class FlinkRestClientTest {
  @TempDir Path temp;
  private HttpServer jobManager;
  private URI base;
  private final Map<String, String> received = new ConcurrentHashMap<>();
  private final FlinkRestClient client = new FlinkRestClient();

  @BeforeEach
  void start() throws IOException {
    jobManager = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    jobManager.createContext(
        "/jars/upload",
        exchange -> {
          received.put(
              "upload",
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1));
          received.put("uploadType", exchange.getRequestHeaders().getFirst("Content-Type"));
          answer(
              exchange,
              200,
              "{\"filename\":\"/tmp/flink-web/flink-web-upload/ab12_job.jar\",\"status\":\"success\"}");
        });
    jobManager.createContext(
        "/jars/ab12_job.jar/run",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.put("run", body);
          if (body.contains("\"fail\"")) {
            answer(
                exchange,
                500,
                "{\"errors\":[\"org.apache.flink.runtime.rest.handler.RestHandlerException: Could not execute application.\\n\\tat org.apache.flink.X.y(X.java:1)\\nCaused by: org.apache.flink.client.program.ProgramInvocationException: Neither a 'Main-Class', nor a 'program-class' entry was found in the jar file.\\n\\tat z\"]}");
          } else {
            answer(exchange, 200, "{\"jobid\":\"0123456789abcdef0123456789abcdef\"}");
          }
        });
    jobManager.createContext(
        "/jobs/overview",
        exchange ->
            answer(
                exchange,
                200,
                "{\"jobs\":[{\"jid\":\"0123456789abcdef0123456789abcdef\",\"name\":\"faces\",\"state\":\"RUNNING\",\"start-time\":1000,\"end-time\":-1,\"duration\":50,\"tasks\":{\"running\":2,\"finished\":0}}]}"));
    jobManager.start();
    base = URI.create("http://127.0.0.1:" + jobManager.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    jobManager.stop(0);
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  @Test
  void uploadsAsMultipartAndRunsWithTheArguments() throws Exception {
    Path jar = Files.write(temp.resolve("stored.bin"), new byte[] {'P', 'K', 3, 4, 42});

    String jarId = client.upload(base, jar, "face detection.jar");
    String jobId = client.run(base, jarId, List.of("in.avi", "out"), 2);

    assertEquals("ab12_job.jar", jarId);
    assertEquals("0123456789abcdef0123456789abcdef", jobId);
    assertTrue(received.get("uploadType").startsWith("multipart/form-data; boundary="));
    assertTrue(
        received.get("upload").contains("name=\"jarfile\"; filename=\"face_detection.jar\""),
        received.get("upload"));
    assertTrue(received.get("upload").contains("PK\u0003\u0004*"));
    assertEquals(
        Json.createReader(
                new java.io.StringReader(
                    "{\"programArgsList\":[\"in.avi\",\"out\"],\"parallelism\":2}"))
            .readObject(),
        Json.createReader(new java.io.StringReader(received.get("run"))).readObject());
  }

  @Test
  void flinksRefusalCarriesTheCauseNotTheStackTrace() {
    FlinkRestClient.FlinkError error =
        assertThrows(
            FlinkRestClient.FlinkError.class,
            () -> client.run(base, "ab12_job.jar", List.of("fail"), null));

    assertEquals(500, error.status());
    assertEquals(
        "Could not execute application. | Neither a 'Main-Class', nor a 'program-class' entry was"
            + " found in the jar file.",
        error.getMessage());
  }

  @Test
  void listsJobsAndReportsAnUnreachableJobManagerAsIoError() throws Exception {
    assertEquals("faces", client.jobs(base).getJsonObject(0).getString("name"));

    jobManager.stop(0);
    assertThrows(IOException.class, () -> client.jobs(base));
  }
}
