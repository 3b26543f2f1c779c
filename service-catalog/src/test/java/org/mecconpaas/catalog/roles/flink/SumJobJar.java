package org.mecconpaas.catalog.roles.flink;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A small bounded Flink job, compiled against the built middleware when a test needs it (this
 * module does not depend on Flink): the sum of 1..n in BATCH mode, keyed by n mod 10 so that the
 * records cross the network between the taskmanagers, reported as the user accumulator "total".
 */
final class SumJobJar {
  static final String MAIN = "mecjob.SumJob";

  private static final String SOURCE =
      """
      package mecjob;

      import org.apache.flink.api.common.RuntimeExecutionMode;
      import org.apache.flink.api.common.accumulators.LongCounter;
      import org.apache.flink.api.common.functions.OpenContext;
      import org.apache.flink.api.common.functions.RichMapFunction;
      import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
      import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

      public class SumJob {
        public static void main(String[] args) throws Exception {
          long n = Long.parseLong(args[0]);
          StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
          env.setRuntimeMode(RuntimeExecutionMode.BATCH);
          env.fromSequence(1, n)
              .keyBy(v -> v % 10)
              .reduce(Long::sum)
              .map(new Total())
              .sinkTo(new DiscardingSink<>());
          env.execute("sum 1.." + n);
        }

        static class Total extends RichMapFunction<Long, Long> {
          private final LongCounter total = new LongCounter();

          @Override
          public void open(OpenContext context) {
            getRuntimeContext().addAccumulator("total", total);
          }

          @Override
          public Long map(Long value) {
            total.add(value);
            return value;
          }
        }
      }
      """;

  private SumJobJar() {}

  /** Compiles the job in {@code work} and returns its jar (Main-Class set). */
  static Path build(Path work) throws IOException {
    Path sources = Files.createDirectories(work.resolve("src/mecjob"));
    Path classes = Files.createDirectories(work.resolve("classes"));
    Path source = Files.writeString(sources.resolve("SumJob.java"), SOURCE);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IOException("the tests need a JDK (javax.tools) to compile the Flink job");
    }
    int status =
        javac.run(
            null,
            null,
            null,
            "--release",
            "17",
            "-classpath",
            flinkClasspath(),
            "-d",
            classes.toString(),
            source.toString());
    if (status != 0) {
      throw new IOException("cannot compile the Flink job (see the compiler's output)");
    }
    return jar(classes, work.resolve("sum-job.jar"));
  }

  private static String flinkClasspath() throws IOException {
    try (Stream<Path> jars = Files.list(RoleInstance.MIDDLEWARE.resolve("flink/lib"))) {
      return jars.map(Path::toString).sorted().collect(Collectors.joining(":"));
    }
  }

  private static Path jar(Path classes, Path jar) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, MAIN);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
      for (Path file : files) {
        jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString()));
        Files.copy(file, jarOut);
        jarOut.closeEntry();
      }
    }
    return jar;
  }
}
