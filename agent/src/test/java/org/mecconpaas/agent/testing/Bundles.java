package org.mecconpaas.agent.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds real zip bundles in memory. */
public final class Bundles {
  private Bundles() {}

  /** A zip archive with the given file names and texts. */
  public static byte[] zip(Map<String, String> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, String> file : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }

  /** Scripts by name ({@code "init.sh" -> "echo hi"}), each given a shebang. */
  public static byte[] scripts(String... nameThenBody) {
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < nameThenBody.length; i += 2) {
      files.put(nameThenBody[i], "#!/bin/sh\n" + nameThenBody[i + 1] + "\n");
    }
    return zip(files);
  }

  public static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
