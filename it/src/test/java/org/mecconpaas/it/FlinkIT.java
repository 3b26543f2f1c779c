package org.mecconpaas.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.mecconpaas.it.ApiClient.Answer;
import org.mecconpaas.it.FaceDetectionFiles.FaceRow;

/**
 * The Flink service end to end on the real master with its default emulated edge (4 Raspberry Pi 3
 * nodes, process runtime): a JobManager and two TaskManagers reach RUNNING and register, the
 * face-detection example's jar runs through {@code POST .../jobs} on a video with faces and on
 * stills without, the cluster scales to three TaskManagers while it runs, and what cannot run is
 * refused (a jar that is no Flink job: 422 with Flink's cause) or fails alone (a corrupt frame: the
 * job FAILED, the service RUNNING). The steps build on each other, hence the fixed order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class FlinkIT {
  private static final String DEV_PASSWORD = "flink password 123";

  /** Four Flink JVMs start on two shared cores: generous, the waits end as soon as it is done. */
  private static final Duration CLUSTER_LIMIT = Duration.ofSeconds(240);

  private static final Duration JOB_LIMIT = Duration.ofSeconds(180);
  private static final Duration POLL = Duration.ofMillis(500);

  private MasterSetup setup;
  private RunningMaster master;
  private FlinkService flink;
  private FaceDetectionFiles files;
  private Path outputs;
  private int jobJar;
  private long began;

  /** The steps build on each other: after a failed one the rest are skipped, not failed again. */
  private int stepsDone;

  @BeforeAll
  void startMasterWithEdge() throws Exception {
    began = System.nanoTime();
    Path workDir = MasterSetup.pathProperty("mec.it.work-dir");
    setup = FlinkMasterSetup.fresh(MasterSetup.pathProperty("mec.launcher"), workDir);
    // not in the master's directory, which only root may enter (it holds the database)
    Path run = FaceDetectionFiles.openDirectory(Files.createTempDirectory(workDir, "flink-"));
    files = FaceDetectionFiles.of(setup.launcher()).copyTo(run.resolve("face-data"));
    outputs = FaceDetectionFiles.openDirectory(run.resolve("face-out"));
    master = RunningMaster.start(setup, "--nodes", "4", "--runtime", "process");
    ApiClient admin = ApiClient.anonymous(master.api()).login("admin", setup.adminPassword());
    admin
        .post(
            "/users",
            Json.createObjectBuilder()
                .add("username", "flinker")
                .add("role", "DEVELOPER")
                .add("password", DEV_PASSWORD)
                .build())
        .expect(201);
    ApiClient dev = ApiClient.anonymous(master.api()).login("flinker", DEV_PASSWORD);
    await("four emulated nodes UP")
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                admin.get("/nodes").expect(200).array().stream()
                        .filter(n -> n.asJsonObject().getString("state").equals("UP"))
                        .count()
                    == 4);
    dev.post("/applications", Json.createObjectBuilder().add("name", "vision").build()).expect(201);
    flink = new FlinkService(dev, "vision", "faces");
    timing("master and 4 nodes up");
  }

  @AfterAll
  void stop() throws IOException {
    try {
      if (master != null) {
        master.close();
      }
    } finally {
      if (setup != null) {
        EmulatedEdgeProcess.stop(setup.dataDir().resolve("edge"));
        assertNothingLeft();
      }
      timing("done");
    }
  }

  @Test
  @Order(1)
  void aJobManagerAndTwoTaskManagersRunAndRegister() throws Exception {
    assumeStep(1);
    JsonObject created = flink.create();
    assertEquals(1, created.getJsonObject("roles").getInt("jobmanager"));
    assertEquals(2, created.getJsonObject("roles").getInt("taskmanager"), "catalog start set");
    long start = System.nanoTime();
    flink.start();
    flink.awaitRunning(2, CLUSTER_LIMIT);
    timing("RUNNING with 2 TaskManagers registered", start);
    JsonObject overview = flink.overview();
    assertEquals(2, overview.getInt("taskmanagers"), overview.toString());
    assertTrue(overview.getInt("slots-total") >= 2, overview.toString());
    List<String> nodes = flink.instances().stream().map(i -> i.getString("node")).toList();
    assertEquals(
        3, nodes.stream().distinct().count(), "a 1 GiB board holds one Flink JVM: " + nodes);
    stepsDone = 1;
  }

  @Test
  @Order(2)
  void theFaceDetectionJobFindsFacesInAVideoAndNoneInStillsWithout() throws Exception {
    assumeStep(2);
    jobJar = flink.upload("face-detection.jar", Files.readAllBytes(files.jobJar()));
    List<FaceRow> positive = runToTheEnd("positive", files.video("megamind-24.avi"));
    assertEquals(24, positive.size(), "one row per frame: " + positive);
    assertTrue(
        positive.stream().allMatch(r -> r.faces() > 0), "a face in every frame: " + positive);

    List<FaceRow> negative = runToTheEnd("negative", files.frames("negative"));
    assertEquals(fileCount(files.frames("negative")), negative.size(), negative.toString());
    assertTrue(negative.stream().allMatch(r -> r.faces() == 0), "no face anywhere: " + negative);
    assertEquals(2, flink.jobs().size(), "both jobs listed");
    stepsDone = 2;
  }

  @Test
  @Order(3)
  void scalesToThreeTaskManagersWhileRunning() throws Exception {
    assumeStep(3);
    long start = System.nanoTime();
    flink.scale(3).expect(202);
    flink.awaitRunning(3, CLUSTER_LIMIT);
    timing("scaled to 3 TaskManagers, all registered", start);
    assertEquals(3, flink.overview().getInt("taskmanagers"));
    assertEquals(3, flink.read().getJsonObject("roles").getInt("taskmanager"));
    stepsDone = 3;
  }

  @Test
  @Order(4)
  void whatFlinkCannotRunIsRefusedWithFlinksCause() throws Exception {
    assumeStep(4);
    int zip = flink.upload("notes.jar", zip("README.txt", "not a Flink job"));
    assertRefused(flink.submit(zip, List.of(), null), zip, "manifest");
    int noMain = flink.upload("library.jar", jarWithoutMainClass());
    assertRefused(flink.submit(noMain, List.of(), null), noMain, "Main-Class");
    Path missing = files.video("no-such-clip.avi");
    Answer noInput =
        flink.submit(jobJar, List.of(missing.toString(), outputs.resolve("x").toString()), 1);
    assertRefused(noInput, jobJar, "input not found: " + missing);
    assertEquals("RUNNING", flink.read().getString("state"));
    stepsDone = 4;
  }

  @Test
  @Order(5)
  void aJobThatFailsIsFailedAndTheServiceKeepsRunning() throws Exception {
    assumeStep(5);
    Path corrupt = FaceDetectionFiles.openDirectory(outputs.resolve("corrupt-input"));
    Path frame = corrupt.resolve("frame-0.jpg");
    Files.writeString(frame, "no JPEG at all"); // passes main's checks, fails the detector
    Files.setPosixFilePermissions(frame, PosixFilePermissions.fromString("rw-r--r--"));
    Path out = FaceDetectionFiles.openDirectory(outputs.resolve("corrupt"));
    String id = submitted(List.of(corrupt.toString(), out.toString(), "-", "1"), 1);
    JsonObject detail = flink.awaitJobEnd(id, POLL, JOB_LIMIT);
    assertEquals("FAILED", FlinkService.state(detail), detail.toString());
    assertFalse(Files.exists(out.resolve("faces.csv")), "no CSV from a failed run");
    assertEquals("RUNNING", flink.read().getString("state"));
    assertEquals(3, flink.overview().getInt("taskmanagers"), "the cluster is whole");
    stepsDone = 5;
  }

  private void assumeStep(int step) {
    assumeTrue(stepsDone == step - 1, "an earlier step failed");
  }

  /** Submits the job jar on {@code input}, waits for FINISHED, returns the CSV it wrote. */
  private List<FaceRow> runToTheEnd(String name, Path input) throws Exception {
    Path out = FaceDetectionFiles.openDirectory(outputs.resolve(name));
    long start = System.nanoTime();
    String id = submitted(List.of(input.toString(), out.toString(), "-", "2"), 2);
    JsonObject detail = flink.awaitJobEnd(id, POLL, JOB_LIMIT);
    timing(
        "job on "
            + name
            + " input "
            + FlinkService.state(detail)
            + ", Flink's duration "
            + detail.getJsonObject("job").getJsonNumber("durationMillis")
            + " ms; submitted and ended",
        start);
    assertEquals("FINISHED", FlinkService.state(detail), detail + "\n" + flink.describe());
    assertEquals(2, FlinkService.parallelismOf(detail, "detect"), "detectors: " + detail);
    return FaceDetectionFiles.faces(out);
  }

  private String submitted(List<String> args, int parallelism) throws Exception {
    Answer answer = flink.submit(jobJar, args, parallelism);
    JsonObject job = answer.expect(201).object();
    assertTrue(job.getString("id").matches("[0-9a-f]{32}"), job.toString());
    return job.getString("id");
  }

  private static void assertRefused(Answer answer, int version, String cause) {
    assertEquals(422, answer.status(), answer.body());
    String detail = answer.object().getString("detail");
    assertTrue(detail.startsWith("Flink could not run code version " + version), detail);
    assertTrue(detail.contains(cause), "Flink's cause (" + cause + ") in: " + detail);
    System.out.println("FlinkIT: refused with 422: " + detail);
  }

  /** No process of this test's master and edge (command lines name its data directory) is left. */
  private void assertNothingLeft() {
    String dataDir = setup.dataDir().toString();
    List<ProcessHandle> left =
        ProcessHandle.allProcesses()
            .filter(p -> p.info().commandLine().map(c -> c.contains(dataDir)).orElse(false))
            .toList();
    left.forEach(ProcessHandle::destroyForcibly);
    assertEquals(
        List.of(),
        left.stream().map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList(),
        "processes outlived the master and its edge (now killed)");
  }

  private void timing(String what) {
    timing(what, began);
  }

  private static void timing(String what, long sinceNanos) {
    System.out.printf("FlinkIT: %s after %.1f s%n", what, (System.nanoTime() - sinceNanos) / 1e9);
  }

  private static long fileCount(Path dir) throws IOException {
    try (var list = Files.list(dir)) {
      return list.count();
    }
  }

  private static byte[] zip(String name, String content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry(name));
      zip.write(content.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  /** A well-formed jar with a manifest and a class file, but nothing says what to run. */
  private byte[] jarWithoutMainClass() throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
      jar.putNextEntry(new ZipEntry("org/example/Nothing.txt"));
      jar.write("no main class here".getBytes(StandardCharsets.UTF_8));
      jar.closeEntry();
    }
    return bytes.toByteArray();
  }
}
