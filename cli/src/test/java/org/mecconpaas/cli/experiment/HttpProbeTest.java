package org.mecconpaas.cli.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpProbeTest {

  @Test
  void readsStatusAndBodyOnAFreshConnection() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          byte[] body =
              (exchange.getRequestURI().getPath().equals("/")
                      ? "instance s1-master-1 node 10.77.0.11\n"
                      : "nope")
                  .getBytes(StandardCharsets.US_ASCII);
          exchange.sendResponseHeaders(
              exchange.getRequestURI().getPath().equals("/") ? 200 : 503, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    try {
      int port = server.getAddress().getPort();
      HttpProbe.Answer ok = HttpProbe.get("127.0.0.1", port, "/", Duration.ofSeconds(2));
      assertTrue(ok.ok(), ok.toString());
      assertEquals("instance s1-master-1 node 10.77.0.11\n", ok.body());
      assertTrue(ok.latencyMillis() > 0);
      HttpProbe.Answer unavailable = HttpProbe.get("127.0.0.1", port, "/x", Duration.ofSeconds(2));
      assertEquals(503, unavailable.status());
      assertFalse(unavailable.ok());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aRefusedConnectionOrACutAnswerIsAnError() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    HttpProbe.Answer refused = HttpProbe.get("127.0.0.1", port, "/", Duration.ofSeconds(1));
    assertFalse(refused.ok());
    assertNotNull(refused.error());
    byte[] cut =
        "HTTP/1.0 200 OK\r\nContent-Length: 40\r\n\r\ninstance".getBytes(StandardCharsets.US_ASCII);
    HttpProbe.Answer answer = HttpProbe.parse(cut, 3);
    assertFalse(answer.ok());
    assertTrue(answer.error().contains("cut"), answer.error());
    assertFalse(HttpProbe.parse(new byte[0], 1).ok());
  }
}
