package org.mecconpaas.it.bench;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mecconpaas.it.bench.FlinkBenchEdge.Profile;
import org.mecconpaas.it.bench.FlinkBenchmark.Options;

/** The command line of {@link FlinkBenchmark}. */
final class FlinkBenchmarkOptions {
  static final String USAGE =
      "usage: FlinkBenchmark --bare RESULTS.txt [--bare-boards RESULTS.txt] [--out DIR] [--runs N]"
          + " [--parallelism P]"
          + " [--profiles unlimited,rpi3] [VIDEO.avi ...]";

  private FlinkBenchmarkOptions() {}

  static Options parse(String... args) {
    Path bare = null;
    Path bareBoards = null;
    Path out = null;
    int runs = 5;
    int parallelism = 2;
    List<Profile> profiles = List.of(Profile.UNLIMITED, Profile.RPI3);
    List<Path> videos = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        videos.add(Path.of(arg).toAbsolutePath().normalize());
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(arg + " needs a value");
      }
      String value = args[++i];
      switch (arg) {
        case "--bare" -> bare = Path.of(value).toAbsolutePath();
        case "--bare-boards" -> bareBoards = Path.of(value).toAbsolutePath();
        case "--out" -> out = Path.of(value).toAbsolutePath();
        case "--runs" -> runs = positive(arg, value);
        case "--parallelism" -> parallelism = positive(arg, value);
        case "--profiles" -> profiles = profiles(value);
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    if (bare == null) {
      throw new IllegalArgumentException("--bare is required (flink-bare.sh's results.txt)");
    }
    if (out == null) {
      String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
      out = Path.of("it", "target", "bench-results", "flink-" + stamp).toAbsolutePath();
    }
    return new Options(bare, bareBoards, out, runs, parallelism, profiles, List.copyOf(videos));
  }

  private static List<Profile> profiles(String value) {
    List<Profile> profiles = new ArrayList<>();
    for (String name : value.split(",")) {
      switch (name.strip().toLowerCase(Locale.ROOT)) {
        case "unlimited" -> profiles.add(Profile.UNLIMITED);
        case "rpi3" -> profiles.add(Profile.RPI3);
        default -> throw new IllegalArgumentException("--profiles takes unlimited and rpi3");
      }
    }
    return List.copyOf(profiles);
  }

  private static int positive(String option, String value) {
    try {
      int number = Integer.parseInt(value);
      if (number >= 1) {
        return number;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(option + " needs a positive number: " + value);
  }
}
