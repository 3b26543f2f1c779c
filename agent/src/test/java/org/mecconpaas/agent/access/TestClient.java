package org.mecconpaas.agent.access;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** One keep-alive HTTP/1.1 connection to the router; {@link #get} returns the body. */
final class TestClient implements AutoCloseable {
  private final Socket socket = new Socket();

  TestClient(int port) throws IOException {
    socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(5000);
  }

  String get(String path) throws IOException {
    send(path);
    return receive();
  }

  void send(String path) throws IOException {
    socket
        .getOutputStream()
        .write(
            ("GET " + path + " HTTP/1.1\r\nHost: ap\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
  }

  String receive() throws IOException {
    InputStream in = socket.getInputStream();
    String head = TestBackend.readHead(in);
    if (head == null) {
      throw new EOFException("connection closed");
    }
    int length =
        head.lines()
            .filter(l -> l.toLowerCase().startsWith("content-length:"))
            .map(l -> Integer.parseInt(l.substring(l.indexOf(':') + 1).strip()))
            .findFirst()
            .orElseThrow();
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  /** Waits up to {@code millis}: true when the router closed the connection (end or reset). */
  boolean closedByPeer(int millis) throws IOException {
    socket.setSoTimeout(millis);
    try {
      return socket.getInputStream().read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
