package org.mecconpaas.it;

/** A one-file HTTP server, shipped in test bundles and started with {@code java Serve.java}. */
final class FileServer {
  private FileServer() {}

  /** Serves the files of its working directory on the given address and port. */
  static final String SOURCE =
      """
      import com.sun.net.httpserver.HttpServer;
      import java.net.InetSocketAddress;
      import java.nio.file.Files;
      import java.nio.file.Path;

      public class Serve {
        public static void main(String[] args) throws Exception {
          Path root = Path.of("").toAbsolutePath();
          HttpServer server =
              HttpServer.create(new InetSocketAddress(args[0], Integer.parseInt(args[1])), 16);
          server.createContext(
              "/",
              exchange -> {
                String wanted = exchange.getRequestURI().getPath().replaceFirst("^/+", "");
                Path file = root.resolve(wanted).normalize();
                boolean ok = file.startsWith(root) && Files.isRegularFile(file);
                byte[] body = ok ? Files.readAllBytes(file) : new byte[0];
                exchange.sendResponseHeaders(ok ? 200 : 404, body.length == 0 ? -1 : body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
              });
          server.start();
        }
      }
      """;
}
