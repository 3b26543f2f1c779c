package org.mecconpaas.it.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The generic bundles the benchmark deploys: small on purpose, the platform is what is timed. */
final class Bundles {
  private Bundles() {}

  /** Only a trivial init.sh: start and scale times are the platform's, not the application's. */
  static byte[] trivial() {
    return zip(Map.of("init.sh", "#!/bin/sh\necho \"init $MY_ROLE on $MY_IP\"\n"));
  }

  /**
   * init.sh plus a run.sh that keeps printing: the agent then supervises a live script and ships
   * its log in every instance, which is what a node agent is doing while containers run.
   */
  static byte[] busy() {
    return zip(
        Map.of(
            "init.sh",
            "#!/bin/sh\necho \"init $MY_ROLE on $MY_IP\"\n",
            "run.sh",
            "#!/bin/sh\nwhile true; do echo \"$MEC_INSTANCE $(date +%s)\"; sleep 1; done\n"));
  }

  private static byte[] zip(Map<String, String> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
