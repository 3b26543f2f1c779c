package org.mecconpaas.catalog.roles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.mecconpaas.catalog.RoleFiles;

/**
 * Runs instances of catalog roles as the node agent does (docs/role-runners.md), on 127.0.0.1: the
 * role's files copied out of the catalog into the instance's directory (which is also its state and
 * working directory), the contract's environment, {@code agents.json}, {@code start.sh} leading its
 * own process group. {@link #close()} stops every instance by its process group, also when a test
 * failed.
 */
final class RoleHarness implements AutoCloseable {
  static final String IP = "127.0.0.1";
  static final Path MIDDLEWARE =
      Path.of(System.getProperty("mec.middleware", "../images/middleware/target/middleware"));

  /** Port blocks handed out in this JVM, so that two harnesses never share one. */
  private static final Set<Integer> TAKEN = ConcurrentHashMap.newKeySet();

  private final Path root;
  private final List<Instance> instances = new ArrayList<>();

  /** A harness in {@code root}, which is made searchable by the user the daemons run as. */
  RoleHarness(Path root) throws IOException {
    this.root = root;
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** The repository's directory {@code relative} (tests run in the module's directory). */
  static Path repositoryPath(String relative) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(relative))) {
        return dir.resolve(relative);
      }
    }
    throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
  }

  /** Whether every command is installed (the role scripts' Debian packages). */
  static boolean installed(String... commands) {
    String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin";
    return Stream.of(commands)
        .allMatch(c -> Stream.of(path.split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, c))));
  }

  /**
   * A code version as the agent unpacks it: a fresh copy of {@code source} with plain modes, under
   * {@code code/<name>}.
   */
  Path code(Path source, String name) throws IOException {
    Path target = root.resolve("code").resolve(name);
    Files.createDirectories(target.getParent());
    Files.setPosixFilePermissions(target.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path file : walk.toList()) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
          Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwxr-xr-x"));
        } else {
          Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
          Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
        }
      }
    }
    return target;
  }

  /** A new instance of {@code type/role} with its own ten ports, not started yet. */
  Instance add(String type, String role, String id) throws IOException {
    Path dir = Files.createDirectories(root.resolve(id));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    RoleFiles.of(type, role)
        .orElseThrow(() -> new IllegalArgumentException("no role files for " + type + "/" + role))
        .copyTo(dir);
    Instance instance = new Instance(role, id, freePortBlock(), dir);
    instances.add(instance);
    return instance;
  }

  /** Writes {@code agents.json} with every instance of this harness into each instance. */
  void writeAgents() throws IOException {
    String json =
        instances.stream()
            .map(
                i ->
                    String.format(
                        "{\"id\": \"%s\", \"role\": \"%s\", \"ip\": \"%s\", \"port\": %d}",
                        i.id, i.role, IP, i.port))
            .collect(Collectors.joining(",\n  ", "[\n  ", "\n]\n"));
    for (Instance instance : instances) {
      Path tmp = instance.dir.resolve("agents.json.tmp");
      Files.writeString(tmp, json);
      Files.move(tmp, instance.dir.resolve("agents.json"), StandardCopyOption.ATOMIC_MOVE);
    }
  }

  /** Stops every instance that still runs: SIGTERM to its group, SIGKILL after 5 s. */
  @Override
  public void close() {
    for (Instance instance : instances) {
      instance.stop();
    }
  }

  /** Waits for {@code condition}, checking every 100 ms, failing with {@code what} at the end. */
  static void await(Duration timeout, String what, BooleanSupplier condition) {
    await(timeout, () -> what, condition);
  }

  /** As above, with a description made when it fails (e.g. with what was seen meanwhile). */
  static void await(Duration timeout, Supplier<String> what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what.get());
      }
      sleep(100);
    }
  }

  /** The stripped body of a GET that answered 200, else a description of what came instead. */
  static String body(URI uri) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                  HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200
          ? response.body().strip()
          : "HTTP " + response.statusCode();
    } catch (IOException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freePortBlock() {
    for (int attempt = 0; attempt < 200; attempt++) {
      int first = 20000 + 10 * ThreadLocalRandom.current().nextInt(3000);
      if (!TAKEN.contains(first) && blockIsFree(first) && TAKEN.add(first)) {
        return first;
      }
    }
    throw new IllegalStateException("no free block of ten ports");
  }

  private static boolean blockIsFree(int first) {
    for (int port = first; port < first + 10; port++) {
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(IP))) {
        socket.setReuseAddress(true);
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  /** What a script printed and how it ended. */
  record Result(int exitCode, String output) {
    boolean ok() {
      return exitCode == 0;
    }
  }

  /** One instance: its directory, ports and environment, and its running {@code start.sh}. */
  final class Instance {
    private final String role;
    private final String id;
    private final int port;
    private final Path dir;
    private final Map<String, String> env = new LinkedHashMap<>();
    private Process start;
    private long group;

    private Instance(String role, String id, int port, Path dir) {
      this.role = role;
      this.id = id;
      this.port = port;
      this.dir = dir;
      env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
      env.put("MY_IP", IP);
      env.put("MY_PORT", Integer.toString(port));
      env.put("MY_ROLE", role);
      env.put("MEC_INSTANCE", id);
      env.put("MEC_STATE_DIR", dir.toString());
      env.put("MEC_ROLE_DIR", dir.toString());
      env.put("MEC_CODE_DIR", "");
      env.put("MEC_CODE_VERSION", "0");
      env.put("MEC_MIDDLEWARE", MIDDLEWARE.toAbsolutePath().normalize().toString());
      env.put("MEC_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
      env.put("MEC_MEMORY_MIB", "0");
      env.put("MEC_CPU_MILLIS", "0");
    }

    String id() {
      return id;
    }

    int port() {
      return port;
    }

    Path dir() {
      return dir;
    }

    URI uri(String path) {
      return URI.create("http://" + IP + ":" + port + path);
    }

    /** Sets (or with {@code null} removes) a variable of the contract's environment. */
    Instance env(String name, String value) {
      if (value == null) {
        env.remove(name);
      } else {
        env.put(name, value);
      }
      return this;
    }

    /** The active code version, as the agent sets it for {@code init.sh} and {@code start.sh}. */
    Instance code(Path codeDir, int version) {
      env("MEC_CODE_DIR", codeDir.toString());
      return env("MEC_CODE_VERSION", Integer.toString(version));
    }

    /** Starts {@code start.sh} as the leader of a new process group, output to start.log. */
    void start() throws IOException {
      if (start != null && start.isAlive()) {
        throw new IllegalStateException(id + " runs already");
      }
      ProcessBuilder builder =
          new ProcessBuilder("setsid", "./start.sh")
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("start.log").toFile()));
      builder.environment().clear();
      builder.environment().putAll(env);
      start = builder.start();
      group = start.pid();
      // setsid only forks when its caller leads a group, which a JVM's child never does: the
      // child becomes the leader of its own group as soon as setsid ran
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (start.isAlive() && processGroup(group) != group) {
        if (System.nanoTime() > deadline) {
          start.destroyForcibly();
          throw new IllegalStateException(id + ": start.sh does not lead a process group");
        }
        sleep(5);
      }
    }

    boolean running() {
      return start != null && start.isAlive();
    }

    /** Whether the role has this (optional) script. */
    boolean has(String script) {
      return Files.isExecutable(dir.resolve(script));
    }

    /** Runs another script of the role to its end (60 s at most) with extra variables. */
    Result run(String script, Map<String, String> extra) throws IOException {
      ProcessBuilder builder =
          new ProcessBuilder("./" + script).directory(dir.toFile()).redirectErrorStream(true);
      builder.environment().clear();
      builder.environment().putAll(env);
      builder.environment().putAll(extra);
      Process process = builder.start();
      try {
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new AssertionError(id + ": " + script + " did not end");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
        throw new IOException(e);
      }
    }

    Result run(String script) throws IOException {
      return run(script, Map.of());
    }

    /**
     * Runs metrics.sh as the agent does every 5 s: it must end with 0 within 3 s and print one JSON
     * object of numbers named with letters and digits, which is returned.
     */
    Map<String, Double> metrics() throws IOException {
      long begin = System.nanoTime();
      Result result = run("metrics.sh");
      long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
      if (!result.ok() || took >= 3000) {
        throw new AssertionError(
            id
                + ": metrics.sh ended with "
                + result.exitCode()
                + " after "
                + took
                + " ms: "
                + result.output());
      }
      return figures(result.output());
    }

    boolean healthy() {
      try {
        return run("health.sh").ok();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void awaitHealthy(Duration timeout) {
      await(
          timeout,
          () -> id + " healthy; start.sh's log:\n" + log(),
          () -> {
            if (!running()) {
              throw new AssertionError(id + ": start.sh exited; its log:\n" + log());
            }
            return healthy();
          });
    }

    /** What start.sh and its daemons wrote. */
    String log() {
      try {
        Path log = dir.resolve("start.log");
        return Files.exists(log) ? Files.readString(log) : "";
      } catch (IOException e) {
        return "(unreadable: " + e + ")";
      }
    }

    /**
     * SIGTERM to start.sh's process group as the agent sends it, SIGKILL to the group after 5 s.
     * Returns how long the group took to end (more than 5 s: it had to be killed).
     */
    Duration stop() {
      if (start == null) {
        return Duration.ZERO;
      }
      long begin = System.nanoTime();
      signalGroup("TERM");
      long deadline = begin + TimeUnit.SECONDS.toNanos(5);
      while ((start.isAlive() || !members(group).isEmpty()) && System.nanoTime() < deadline) {
        sleep(20);
      }
      Duration took = Duration.ofNanos(System.nanoTime() - begin);
      if (start.isAlive() || !members(group).isEmpty()) {
        signalGroup("KILL");
        start.destroyForcibly();
        took = took.plusSeconds(1);
      }
      try {
        start.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      start = null;
      return took;
    }

    /** Processes that run a command naming this instance's directory (e.g. php-fpm's master). */
    List<Long> leftovers() {
      String mark = dir.toString();
      List<Long> found = new ArrayList<>();
      for (Map.Entry<Long, String> process : commandLines().entrySet()) {
        if (process.getValue().contains(mark)) {
          found.add(process.getKey());
        }
      }
      return found;
    }

    private void signalGroup(String signal) {
      try {
        new ProcessBuilder("kill", "-" + signal, "--", "-" + group)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start()
            .waitFor(5, TimeUnit.SECONDS);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * The figures of a metrics.sh output, which must be exactly one JSON object whose values are
   * plain numbers (what the agent takes; anything else fails).
   */
  static Map<String, Double> figures(String output) {
    String json = output.strip();
    String figure = "\"[A-Za-z][A-Za-z0-9]*\": -?[0-9]+(\\.[0-9]+)?";
    if (!json.matches("\\{(" + figure + "(, " + figure + ")*)?}")) {
      throw new AssertionError("metrics.sh printed no JSON object of numbers: " + output);
    }
    Map<String, Double> figures = new LinkedHashMap<>();
    Matcher matcher = Pattern.compile("\"([A-Za-z0-9]+)\": ([-0-9.]+)").matcher(json);
    while (matcher.find()) {
      if (figures.put(matcher.group(1), Double.parseDouble(matcher.group(2))) != null) {
        throw new AssertionError("metrics.sh printed " + matcher.group(1) + " twice: " + json);
      }
    }
    return figures;
  }

  /** The live (not zombie) processes of a process group, from /proc. */
  static Set<Long> members(long group) {
    Set<Long> members = new HashSet<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path proc : procs.toList()) {
        String name = proc.getFileName().toString();
        if (name.chars().allMatch(Character::isDigit)) {
          String[] stat = stat(proc);
          // after the command's ")": state, ppid, pgrp
          if (stat != null && !stat[0].equals("Z") && Long.parseLong(stat[2]) == group) {
            members.add(Long.parseLong(name));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return members;
  }

  private static long processGroup(long pid) {
    String[] stat = stat(Path.of("/proc", Long.toString(pid)));
    return stat == null ? -1 : Long.parseLong(stat[2]);
  }

  private static String[] stat(Path proc) {
    try {
      String stat = Files.readString(proc.resolve("stat"));
      return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    } catch (IOException | RuntimeException e) {
      return null; // gone meanwhile
    }
  }

  private static Map<Long, String> commandLines() {
    Map<Long, String> lines = new HashMap<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path proc : procs.toList()) {
        String name = proc.getFileName().toString();
        String[] stat = stat(proc);
        if (name.chars().allMatch(Character::isDigit) && stat != null && !stat[0].equals("Z")) {
          try {
            lines.put(
                Long.parseLong(name),
                new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' '));
          } catch (IOException e) {
            // gone meanwhile
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  /**
   * Continuous GET requests from a few threads (keep-alive, like browsers) until {@link #stop()};
   * counts answers by their first word and every failure (an error status or no answer).
   */
  static final class Load implements AutoCloseable {
    private final HttpClient client =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<URI> targets;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong requests = new AtomicLong();
    private final Map<String, AtomicLong> answers = new ConcurrentHashMap<>();
    private final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> threads = new ArrayList<>();

    Load(int threadCount, List<URI> targets) {
      this.targets = List.copyOf(targets);
      for (int t = 0; t < threadCount; t++) {
        Thread thread = new Thread(this::loop, "load-" + t);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
      }
    }

    private void loop() {
      for (long n = 0; running.get(); n++) {
        URI target = targets.get((int) (n % targets.size()));
        try {
          HttpResponse<String> response =
              client.send(
                  HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10)).build(),
                  HttpResponse.BodyHandlers.ofString());
          requests.incrementAndGet();
          if (response.statusCode() != 200) {
            failures.add(target.getPath() + ": HTTP " + response.statusCode());
          } else {
            answers
                .computeIfAbsent(response.body().strip(), k -> new AtomicLong())
                .incrementAndGet();
          }
        } catch (IOException e) {
          requests.incrementAndGet();
          failures.add(target.getPath() + ": " + e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }

    long requests() {
      return requests.get();
    }

    /** How many answers (status 200) had exactly this body, stripped. */
    long answered(String body) {
      AtomicLong count = answers.get(body);
      return count == null ? 0 : count.get();
    }

    /** Every distinct body answered, with its count. */
    Map<String, Long> answers() {
      Map<String, Long> copy = new HashMap<>();
      answers.forEach((k, v) -> copy.put(k, v.get()));
      return copy;
    }

    List<String> failures() {
      synchronized (failures) {
        return List.copyOf(failures);
      }
    }

    /** Waits until the threads have sent at least {@code more} further requests. */
    void awaitMore(long more, Duration timeout) {
      long target = requests() + more;
      await(timeout, more + " more requests", () -> requests() >= target);
    }

    void stop() {
      running.set(false);
      for (Thread thread : threads) {
        try {
          thread.join(TimeUnit.SECONDS.toMillis(15));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    @Override
    public void close() {
      stop();
    }
  }
}
