package org.mecconpaas.cli.experiment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One HTTP GET on a fresh connection, as a phone that has just reached an access point makes it:
 * connect, send, read the answer to its end. A plain socket rather than an HTTP client library, so
 * that nothing is pooled, retried or reused behind the measurement: a request that a migration
 * broke is seen as broken. Latency is from before the connect to the last byte.
 */
final class HttpProbe {
  private static final int MAX_ANSWER_BYTES = 64 * 1024;

  /** What came back: a status (0 when none) and body, or an error; latency in milliseconds. */
  record Answer(int status, String body, double latencyMillis, String error) {
    boolean ok() {
      return error == null && status == 200;
    }
  }

  private HttpProbe() {}

  static Answer get(String host, int port, String path, Duration timeout) {
    long start = System.nanoTime();
    int timeoutMillis = (int) Math.max(1, timeout.toMillis());
    try (Socket socket = new Socket()) {
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress(host, port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      out.write(request(host, port, path));
      out.flush();
      byte[] answer = readAll(socket.getInputStream(), start, timeoutMillis);
      return parse(answer, millisSince(start));
    } catch (SocketTimeoutException e) {
      return new Answer(0, "", millisSince(start), "timeout after " + timeoutMillis + " ms");
    } catch (IOException e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new Answer(0, "", millisSince(start), reason);
    }
  }

  private static byte[] request(String host, int port, String path) {
    String text =
        "GET "
            + path
            + " HTTP/1.1\r\nHost: "
            + host
            + ":"
            + port
            + "\r\nUser-Agent: mec-experiment\r\nConnection: close\r\n\r\n";
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] readAll(InputStream in, long start, int timeoutMillis) throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      answer.write(buffer, 0, Math.min(n, MAX_ANSWER_BYTES - answer.size()));
      if (answer.size() >= MAX_ANSWER_BYTES || millisSince(start) > timeoutMillis) {
        break;
      }
    }
    if (millisSince(start) > timeoutMillis) {
      throw new SocketTimeoutException("slow answer");
    }
    return answer.toByteArray();
  }

  /** Status line and body of an HTTP/1.x answer read to its end. */
  static Answer parse(byte[] bytes, double latencyMillis) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    if (text.isEmpty()) {
      return new Answer(0, "", latencyMillis, "connection closed without an answer");
    }
    int lineEnd = text.indexOf("\r\n");
    String[] statusLine = (lineEnd < 0 ? text : text.substring(0, lineEnd)).split(" ", 3);
    if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
      return new Answer(0, "", latencyMillis, "not an HTTP answer");
    }
    int status;
    try {
      status = Integer.parseInt(statusLine[1]);
    } catch (NumberFormatException e) {
      return new Answer(0, "", latencyMillis, "not an HTTP status: " + statusLine[1]);
    }
    int bodyAt = text.indexOf("\r\n\r\n");
    String body = bodyAt < 0 ? "" : text.substring(bodyAt + 4);
    if (bodyAt < 0) {
      return new Answer(status, "", latencyMillis, "answer cut before its body");
    }
    long expected = contentLength(text.substring(0, bodyAt));
    if (expected >= 0 && body.length() < expected) {
      return new Answer(
          status,
          body,
          latencyMillis,
          "answer cut after " + body.length() + " of " + expected + " bytes");
    }
    return new Answer(status, body, latencyMillis, null);
  }

  private static long contentLength(String head) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).strip().equalsIgnoreCase("Content-Length")) {
        try {
          return Long.parseLong(line.substring(colon + 1).strip());
        } catch (NumberFormatException e) {
          return -1;
        }
      }
    }
    return -1;
  }

  private static double millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }
}
