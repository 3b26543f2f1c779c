package org.mecconpaas.it.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Code versions made from the repository's examples ({@code examples/php-app}, {@code
 * examples/java-war}): the version string changed, files added, zipped as users upload them.
 */
public final class ExampleBundles {
  private ExampleBundles() {}

  static Path examples() {
    Path dir = Path.of(System.getProperty("user.dir")).resolve("../examples").normalize();
    if (!Files.isDirectory(dir.resolve("php-app"))) {
      throw new IllegalStateException("examples not found at " + dir);
    }
    return dir;
  }

  /** The PHP sample at {@code version} (in app.php and version.txt), plus {@code extra} files. */
  public static byte[] phpApp(String version, Map<String, String> extra) {
    Map<String, byte[]> files = read(examples().resolve("php-app"));
    replace(files, "app.php", "const APP_VERSION = '1';", "const APP_VERSION = '" + version + "';");
    files.put("version.txt", (version + "\n").getBytes(StandardCharsets.UTF_8));
    extra.forEach((name, text) -> files.put(name, text.getBytes(StandardCharsets.UTF_8)));
    return zip(files);
  }

  /** The WAR sample with {@code app.version} set in its web.xml. */
  public static byte[] javaWar(String version) {
    Map<String, byte[]> files = read(examples().resolve("java-war"));
    files.remove("README.md");
    String webXml = new String(files.get("WEB-INF/web.xml"), StandardCharsets.UTF_8);
    String changed =
        webXml.replaceFirst(
            "(<param-name>app.version</param-name>\\s*<param-value>)[^<]*(</param-value>)",
            "$1" + version + "$2");
    if (changed.equals(webXml) && !version.equals("1")) {
      throw new IllegalStateException("no app.version context parameter in web.xml");
    }
    files.put("WEB-INF/web.xml", changed.getBytes(StandardCharsets.UTF_8));
    return zip(files);
  }

  private static void replace(Map<String, byte[]> files, String name, String from, String to) {
    String text = new String(files.get(name), StandardCharsets.UTF_8);
    if (!text.contains(from)) {
      throw new IllegalStateException(name + " has no '" + from + "'");
    }
    files.put(name, text.replace(from, to).getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, byte[]> read(Path dir) {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(file).toString(), Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static byte[] zip(Map<String, byte[]> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue());
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
