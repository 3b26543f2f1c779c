package org.mecconpaas.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real Jetty server on loopback with one draining context and a servlet that waits. */
class DrainingWebAppContextTest {
  @TempDir Path webapp;
  private final CountDownLatch entered = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private Server server;
  private DrainingWebAppContext context;

  @BeforeEach
  void start() throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    context = new DrainingWebAppContext();
    context.setContextPath("/");
    context.setBaseResourceAsPath(webapp);
    context.addServlet(new ServletHolder(new WaitingServlet()), "/wait");
    server.setHandler(context);
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    server.stop();
  }

  @Test
  void stoppingWaitsForTheRequestBeingServedWhichCompletes() throws Exception {
    CompletableFuture<String> response = CompletableFuture.supplyAsync(() -> get("/wait"));
    assertTrue(entered.await(10, TimeUnit.SECONDS), "the request reached the servlet");
    assertEquals(1, context.getRequestsInFlight());

    CompletableFuture<Void> stopping = CompletableFuture.runAsync(this::stopContext);
    assertThrows(
        TimeoutException.class,
        () -> stopping.get(300, TimeUnit.MILLISECONDS),
        "stop() returned while a request was being served");
    assertTrue(context.isStopping(), "the context is stopping meanwhile");

    release.countDown();
    assertEquals("200 served", response.get(10, TimeUnit.SECONDS));
    stopping.get(10, TimeUnit.SECONDS);
    assertTrue(context.isStopped());
    assertEquals(0, context.getRequestsInFlight());
  }

  @Test
  void theWaitIsBoundedByTheDrainTimeout() throws Exception {
    context.setDrainTimeout(200);
    CompletableFuture.supplyAsync(() -> get("/wait"));
    assertTrue(entered.await(10, TimeUnit.SECONDS), "the request reached the servlet");

    CompletableFuture<Void> stopping = CompletableFuture.runAsync(this::stopContext);
    stopping.get(10, TimeUnit.SECONDS);
    assertTrue(context.isStopped(), "stopped with the request still waiting in the servlet");
    assertEquals(1, release.getCount(), "the servlet was never released");
  }

  @Test
  void requestsThatEndedOrWereNotFoundLeaveNothingInFlight() throws Exception {
    release.countDown();
    assertEquals("200 served", get("/wait"));
    assertEquals("404 ", get("/missing"));
    // the client may read a response before Jetty completes the request's callback
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (context.getRequestsInFlight() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(0, context.getRequestsInFlight());
    long started = System.nanoTime();
    stopContext();
    assertTrue(
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) < context.getDrainTimeout(),
        "an idle context stops without waiting out the drain timeout");
  }

  @Test
  void aNegativeDrainTimeoutIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> context.setDrainTimeout(-1));
    assertFalse(context.getDrainTimeout() < 0);
  }

  private void stopContext() {
    try {
      context.stop();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** "STATUS BODY" of a GET (the body only for 200). */
  private String get(String path) {
    try {
      int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
      HttpURLConnection connection =
          (HttpURLConnection)
              URI.create("http://127.0.0.1:" + port + path).toURL().openConnection();
      connection.setReadTimeout(20_000);
      int status = connection.getResponseCode();
      if (status != 200) {
        return status + " ";
      }
      try (InputStream body = connection.getInputStream()) {
        return status + " " + new String(body.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private final class WaitingServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      entered.countDown();
      try {
        if (!release.await(20, TimeUnit.SECONDS)) {
          response.sendError(500, "never released");
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      response.getWriter().print("served");
    }
  }
}
