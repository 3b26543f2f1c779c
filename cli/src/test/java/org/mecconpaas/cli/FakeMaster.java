package org.mecconpaas.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A stand-in for the master: a JDK HTTP server on 127.0.0.1 and a free port, answering only the
 * routes a test declares and recording every request so the test can check what the CLI sent.
 */
final class FakeMaster implements AutoCloseable {

  /** One request as received (the body fully read, de-chunked by the JDK server). */
  record Request(
      String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

    String header(String name) {
      return headers.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .map(entry -> entry.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    JsonObject bodyJson() {
      try (var reader = Json.createReader(new StringReader(bodyText()))) {
        return reader.readObject();
      }
    }
  }

  record Reply(int status, String contentType, Map<String, String> headers, byte[] body) {

    static Reply json(int status, String json) {
      return new Reply(status, "application/json", Map.of(), json.getBytes(StandardCharsets.UTF_8));
    }

    static Reply problem(int status, String detail) {
      return problem(status, detail, null);
    }

    static Reply problem(int status, String detail, String errorsJson) {
      String body =
          "{\"type\":\"about:blank\",\"title\":\"Problem\",\"status\":"
              + status
              + ",\"detail\":\""
              + detail
              + "\""
              + (errorsJson == null ? "" : ",\"errors\":" + errorsJson)
              + "}";
      return new Reply(
          status, "application/problem+json", Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    static Reply noContent() {
      return new Reply(204, null, Map.of(), new byte[0]);
    }
  }

  private final HttpServer server;
  private final Map<String, Function<Request, Reply>> routes = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  FakeMaster() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::dispatch);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Declares a route, by method and exact raw path such as {@code /api/v1/applications}. */
  FakeMaster on(String method, String path, Function<Request, Reply> handler) {
    routes.put(method + " " + path, handler);
    return this;
  }

  List<Request> requests() {
    return requests;
  }

  Request onlyRequest() {
    if (requests.size() != 1) {
      throw new AssertionError("expected exactly one request, got " + requests);
    }
    return requests.get(0);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      String path = exchange.getRequestURI().getRawPath();
      Request request =
          new Request(
              exchange.getRequestMethod(),
              path,
              exchange.getRequestURI().getRawQuery(),
              Map.copyOf(exchange.getRequestHeaders()),
              body);
      requests.add(request);
      Function<Request, Reply> handler = routes.get(request.method() + " " + path);
      Reply reply =
          handler == null
              ? Reply.problem(404, "fake master has no route " + request.method() + " " + path)
              : handler.apply(request);
      respond(exchange, reply);
    }
  }

  private static void respond(HttpExchange exchange, Reply reply) throws IOException {
    if (reply.contentType() != null) {
      exchange.getResponseHeaders().set("Content-Type", reply.contentType());
    }
    reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    boolean empty = reply.body().length == 0;
    exchange.sendResponseHeaders(reply.status(), empty ? -1 : reply.body().length);
    if (!empty) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reply.body());
      }
    }
  }
}
