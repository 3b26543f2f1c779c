package org.mecconpaas.agent.access;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AccessPointRouterTest {
  private final List<AutoCloseable> open = new ArrayList<>();
  private final AccessPointRouter router = new AccessPointRouter("127.0.0.1", 4);

  @AfterEach
  void closeAll() throws Exception {
    router.close();
    for (AutoCloseable closeable : open) {
      closeable.close();
    }
  }

  private TestBackend backend(String name) throws IOException {
    TestBackend backend = new TestBackend(name);
    open.add(backend);
    return backend;
  }

  private TestClient client(int port) throws IOException {
    TestClient client = new TestClient(port);
    open.add(client);
    return client;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static Route route(int port, RouteTarget... targets) {
    return new Route("lab/web", port, List.of(targets));
  }

  @Test
  void forwardsRequestsAndResponsesAndCountsThem() throws IOException {
    TestBackend web = backend("web-1");
    int port = freePort();
    router.apply(List.of(route(port, web.target(0))));

    try (TestClient client = new TestClient(port)) {
      assertEquals("web-1", client.get("/a"));
      assertEquals("web-1", client.get("/b"), "the same keep-alive connection");
    }
    assertEquals(List.of("GET /a HTTP/1.1", "GET /b HTTP/1.1"), web.requests);
    assertEquals(1, web.connections.get());
    RouteStats stats = router.stats().get(port);
    assertEquals(1, stats.connections());
    assertEquals(0, stats.unreachable());
    assertTrue(stats.bytesUp() > 40, "request bytes counted: " + stats);
    await().until(() -> router.stats().get(port).bytesDown() >= 2 * "web-1".length());
    await().until(() -> router.stats().get(port).open() == 0);
  }

  @Test
  void failsOverToTheNextTargetWhenTheFirstRefuses() throws IOException {
    TestBackend second = backend("web-2");
    RouteTarget refusing = new RouteTarget("gone", "127.0.0.1", freePort(), "n9", 0);
    int port = freePort();
    router.apply(List.of(route(port, refusing, second.target(0))));

    assertEquals("web-2", client(port).get("/"));
    assertEquals(0, router.stats().get(port).unreachable());
  }

  @Test
  void countsConnectionsNoTargetAccepts() throws IOException {
    int port = freePort();
    router.apply(List.of(route(port, new RouteTarget("gone", "127.0.0.1", freePort(), "n9", 0))));

    TestClient client = client(port);
    assertTrue(client.closedByPeer(3000), "the client is hung up on");
    assertEquals(1, router.stats().get(port).unreachable());
  }

  @Test
  void addsTheTargetsLatencyInEachDirection() throws IOException {
    int latency = 40;
    TestBackend near = backend("near");
    TestBackend far = backend("far");
    int direct = freePort();
    int delayed = freePort();
    router.apply(List.of(route(direct, near.target(0)), route(delayed, far.target(latency))));

    long[] plain = roundTrips(direct, 7);
    long[] slowed = roundTrips(delayed, 7);
    System.out.printf(
        "access point round trips (ms), latencyMillis=%d: direct %s, delayed %s%n",
        latency, Arrays.toString(plain), Arrays.toString(slowed));
    assertTrue(slowed[0] >= 2 * latency, "every request waits 2 x latency: " + slowed[0]);
    long added = median(slowed) - median(plain);
    assertTrue(added >= 2 * latency - 1, "added " + added);
    assertTrue(added < 2 * latency + 250, "no more than latency and scheduling: " + added);
  }

  /** Sorted round trips of {@code n} requests on one connection, in milliseconds. */
  private long[] roundTrips(int port, int n) throws IOException {
    long[] millis = new long[n];
    try (TestClient client = new TestClient(port)) {
      client.get("/warm-up");
      for (int i = 0; i < n; i++) {
        long start = System.nanoTime();
        client.get("/" + i);
        millis[i] = Duration.ofNanos(System.nanoTime() - start).toMillis();
      }
    }
    Arrays.sort(millis);
    return millis;
  }

  private static long median(long[] sorted) {
    return sorted[sorted.length / 2];
  }

  @Test
  void relaysBulkDataInOrderBothWaysAndPassesHalfCloseOn() throws Exception {
    ServerSocket echo = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    open.add(echo);
    Thread backend =
        new Thread(
            () -> {
              try (Socket socket = echo.accept()) {
                byte[] all = socket.getInputStream().readAllBytes(); // until the half-close
                socket.getOutputStream().write(all);
              } catch (IOException e) {
                // the test fails on what it reads
              }
            });
    backend.setDaemon(true);
    backend.start();
    int port = freePort();
    router.apply(
        List.of(route(port, new RouteTarget("echo", "127.0.0.1", echo.getLocalPort(), "n1", 5))));
    byte[] sent = new byte[2 * 1024 * 1024];
    new Random(7).nextBytes(sent);

    byte[] received;
    try (Socket client = new Socket("127.0.0.1", port)) {
      client.setSoTimeout(10_000);
      Thread writer =
          new Thread(
              () -> {
                try {
                  client.getOutputStream().write(sent);
                  client.shutdownOutput();
                } catch (IOException e) {
                  // the test fails on what it reads
                }
              });
      writer.start();
      received = client.getInputStream().readAllBytes(); // until the router passes the end on
      writer.join();
    }

    assertArrayEquals(sent, received);
    RouteStats stats = router.stats().get(port);
    assertEquals(sent.length, stats.bytesUp());
    assertEquals(sent.length, stats.bytesDown());
    await().until(() -> router.stats().get(port).open() == 0);
  }

  @Test
  void aChangedRouteSendsNewConnectionsToTheNewTargetWhileOpenOnesComplete() throws Exception {
    TestBackend old = backend("old");
    TestBackend moved = backend("new");
    int port = freePort();
    router.apply(List.of(route(port, old.target(0))));
    TestClient busy = client(port);
    TestClient idle = client(port);
    assertEquals("old", idle.get("/idle"));
    old.answerDelayMillis = 600;
    busy.send("/slow");
    await().until(() -> old.requests.contains("GET /slow HTTP/1.1"));

    router.apply(List.of(route(port, moved.target(0))));

    assertEquals("new", client(port).get("/after"), "a new connection reaches the new target");
    assertEquals("old", busy.receive(), "the request in flight completes on the old target");
    assertTrue(idle.closedByPeer(3000), "the idle keep-alive connection to the old one is closed");
    assertTrue(busy.closedByPeer(3000), "and so is the busy one once it is answered");
  }

  @Test
  void anUnchangedRouteKeepsItsConnections() throws IOException {
    TestBackend web = backend("web");
    int port = freePort();
    router.apply(List.of(route(port, web.target(0))));
    TestClient client = client(port);
    assertEquals("web", client.get("/1"));

    router.apply(List.of(route(port, web.target(0))));

    assertTrue(!client.closedByPeer((int) SelectorLoop.MAX_WAIT_MILLIS * 3));
    assertEquals("web", client.get("/2"));
    assertEquals(1, web.connections.get());
  }

  @Test
  void aRemovedRouteClosesItsPort() throws IOException {
    TestBackend web = backend("web");
    int kept = freePort();
    int removed = freePort();
    router.apply(List.of(route(kept, web.target(0)), route(removed, web.target(0))));
    assertEquals("web", client(removed).get("/"));

    router.apply(List.of(route(kept, web.target(0))));

    assertThrows(ConnectException.class, () -> new TestClient(removed).close());
    assertEquals("web", client(kept).get("/"));
    assertEquals(List.of(kept), List.copyOf(router.stats().keySet()));
  }

  @Test
  void refusesConnectionsBeyondTheCap() throws IOException {
    TestBackend web = backend("web");
    int port = freePort();
    router.apply(List.of(route(port, web.target(0))));
    List<TestClient> clients = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      clients.add(client(port));
      assertEquals("web", clients.get(i).get("/" + i));
    }

    TestClient fifth = client(port);

    assertTrue(fifth.closedByPeer(3000));
    assertEquals(1, router.stats().get(port).refused());
    assertEquals("web", clients.get(0).get("/again"), "the others keep working");
  }

  @Test
  void closeFreesEveryPortAndThread() throws IOException {
    TestBackend web = backend("web");
    int first = freePort();
    int second = freePort();
    router.apply(List.of(route(first, web.target(5)), route(second, web.target(0))));
    TestClient a = client(first);
    TestClient b = client(second);
    assertEquals("web", a.get("/"));
    assertEquals("web", b.get("/"));
    assertEquals(1, routerThreads(), "one thread, whatever the routes and connections");

    router.close();

    assertTrue(a.closedByPeer(3000));
    assertTrue(b.closedByPeer(3000));
    await().atMost(Duration.ofSeconds(5)).until(() -> routerThreads() == 0);
    for (int port : new int[] {first, second}) {
      try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        assertEquals(port, again.getLocalPort());
      }
    }
    router.apply(List.of(route(first, web.target(0))));
    assertTrue(router.stats().isEmpty(), "a closed router stays closed");
  }

  private static long routerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().equals(AccessPointRouter.THREAD_NAME))
        .count();
  }
}
