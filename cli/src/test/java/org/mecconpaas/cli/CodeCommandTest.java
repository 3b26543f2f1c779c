package org.mecconpaas.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecconpaas.cli.FakeMaster.Reply;

class CodeCommandTest {

  private static final String CODE_PATH = "/api/v1/applications/shop/services/web/code";

  @TempDir Path temp;
  private FakeMaster master;
  private MecRunner mec;

  @BeforeEach
  void start() throws Exception {
    master = new FakeMaster();
    mec = new MecRunner(temp).loggedInTo(master);
  }

  @AfterEach
  void stop() {
    master.close();
  }

  /** The one part of a multipart/form-data body, as the master would see it. */
  private record Part(String headers, byte[] content) {}

  @Test
  void uploadStreamsTheFileAsMultipartPartNamedFile() throws Exception {
    byte[] archive = new byte[300_000];
    new Random(7).nextBytes(archive);
    Files.write(temp.resolve("site.zip"), archive);
    AtomicReference<String> problem = new AtomicReference<>();
    master.on(
        "POST",
        CODE_PATH,
        request -> {
          // Checked here, inside the master: this is what a real server would have to parse.
          Part part = onlyPart(request);
          if (!part.headers().contains("name=\"file\"")
              || !part.headers().contains("filename=\"site.zip\"")) {
            problem.set("part headers: " + part.headers());
          } else if (!Arrays.equals(archive, part.content())) {
            problem.set("content differs: " + part.content().length + " bytes");
          }
          return problem.get() == null
              ? Reply.json(
                  201,
                  "{\"version\":3,\"fileName\":\"site.zip\",\"format\":\"zip\","
                      + "\"size\":300000,\"active\":false}")
              : Reply.problem(422, problem.get());
        });

    var result = mec.run("code", "upload", "shop", "web", "site.zip");

    assertEquals(0, result.exitCode(), result.err() + problem.get());
    FakeMaster.Request request = master.onlyRequest();
    assertEquals("chunked", request.header("Transfer-Encoding"), "the upload must stream");
    assertEquals("Bearer secret-token", request.header("Authorization"));
    assertTrue(result.out().startsWith("Uploaded site.zip as version 3."), result.out());
    assertTrue(result.out().contains("mec code enable shop web 3"), result.out());
    // stderr is no terminal here: one final line, no carriage returns.
    assertTrue(result.err().startsWith("uploaded site.zip: 293.0 KiB in "), result.err());
    assertFalse(result.err().contains("\r"));
  }

  @Test
  void uploadOfAMissingFileFailsBeforeAnyRequest() {
    var result = mec.run("code", "upload", "shop", "web", "missing.zip");

    assertEquals(1, result.exitCode());
    assertTrue(result.err().startsWith("error: no readable file "), result.err());
    assertTrue(master.requests().isEmpty());
  }

  @Test
  void downloadWritesTheArchiveToTheGivenFile() throws Exception {
    byte[] archive = "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1);
    master.on("GET", CODE_PATH + "/3", request -> archiveReply(archive, "site.zip"));

    var result = mec.run("code", "download", "shop", "web", "3", "-o", "out/copy.zip");

    assertEquals(1, result.exitCode(), "the directory out/ does not exist yet");
    Files.createDirectory(temp.resolve("out"));
    result = mec.run("code", "download", "shop", "web", "3", "-o", "out/copy.zip");

    assertEquals(0, result.exitCode(), result.err());
    assertArrayEquals(archive, Files.readAllBytes(temp.resolve("out/copy.zip")));
    assertTrue(result.out().contains("out/copy.zip"), result.out());
    try (var leftovers = Files.list(temp.resolve("out"))) {
      assertEquals(1, leftovers.count(), "no temporary file may stay behind");
    }
  }

  @Test
  void downloadUsesTheMastersFileNameButNeverItsDirectories() throws Exception {
    byte[] archive = {1, 2, 3};
    master.on("GET", CODE_PATH + "/3", request -> archiveReply(archive, "../../evil.zip"));

    var result = mec.run("code", "download", "shop", "web", "3");

    assertEquals(0, result.exitCode(), result.err());
    assertArrayEquals(archive, Files.readAllBytes(temp.resolve("evil.zip")));

    var again = mec.run("code", "download", "shop", "web", "3");
    assertEquals(1, again.exitCode());
    assertTrue(again.err().contains("already exists"), again.err());
  }

  @Test
  void listMarksTheActiveVersion() {
    master.on(
        "GET",
        CODE_PATH,
        r ->
            Reply.json(
                200,
                "[{\"version\":2,\"fileName\":\"a.zip\",\"format\":\"zip\",\"size\":2048,"
                    + "\"sha256\":\"0123456789abcdef0123\",\"active\":true,"
                    + "\"uploadedBy\":\"alice\",\"uploadedAt\":\"2025-03-01T10:00:00Z\"},"
                    + "{\"version\":1,\"fileName\":\"b.tar.gz\",\"format\":\"tar.gz\","
                    + "\"size\":100,\"sha256\":\"fedcba\",\"active\":false,"
                    + "\"uploadedBy\":\"alice\",\"uploadedAt\":\"2025-02-01T10:00:00Z\"}]"));

    var result = mec.run("code", "list", "shop", "web");

    assertEquals(
        "VERSION  ACTIVE  FILE      FORMAT  SIZE     SHA256        BY     UPLOADED\n"
            + "2        *       a.zip     zip     2.0 KiB  0123456789ab  alice  2025-03-01T10:00:00Z\n"
            + "1                b.tar.gz  tar.gz  100 B    fedcba        alice  2025-02-01T10:00:00Z\n",
        result.out());
  }

  private static Reply archiveReply(byte[] archive, String fileName) {
    return new Reply(
        200,
        "application/octet-stream",
        Map.of("Content-Disposition", "attachment; filename=\"" + fileName + "\""),
        archive);
  }

  /** A deliberately small multipart parser: one part, boundary from the Content-Type. */
  private static Part onlyPart(FakeMaster.Request request) {
    String contentType = request.header("Content-Type");
    Matcher boundary = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType);
    if (!contentType.startsWith("multipart/form-data") || !boundary.find()) {
      return new Part("Content-Type: " + contentType, new byte[0]);
    }
    byte[] body = request.body();
    byte[] delimiter = ("--" + boundary.group(1)).getBytes(StandardCharsets.ISO_8859_1);
    int start = indexOf(body, delimiter, 0);
    int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
    byte[] closing = ("\r\n--" + boundary.group(1)).getBytes(StandardCharsets.ISO_8859_1);
    int end = indexOf(body, closing, headersEnd);
    assertNotNull(body);
    if (start < 0 || headersEnd < 0 || end < 0) {
      return new Part("unparseable body", new byte[0]);
    }
    String headers = new String(body, start, headersEnd - start, StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    content.write(body, headersEnd + 4, end - headersEnd - 4);
    return new Part(headers, content.toByteArray());
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    if (from < 0) {
      return -1;
    }
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
