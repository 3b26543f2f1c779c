package org.mecconpaas.cli.client;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpRetryException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.client.RequestEntityProcessing;
import org.glassfish.jersey.client.spi.ConnectorProvider;
import org.glassfish.jersey.jnh.connector.JavaNetHttpConnectorProvider;
import org.glassfish.jersey.jsonb.JsonBindingFeature;
import org.glassfish.jersey.media.multipart.ContentDisposition;
import org.glassfish.jersey.media.multipart.FormDataMultiPart;
import org.glassfish.jersey.media.multipart.MultiPartFeature;
import org.glassfish.jersey.media.multipart.file.StreamDataBodyPart;
import org.mecconpaas.cli.client.Requests.ApplicationChange;
import org.mecconpaas.cli.client.Requests.JobSubmission;
import org.mecconpaas.cli.client.Requests.MigrationTarget;
import org.mecconpaas.cli.client.Requests.NewApplication;
import org.mecconpaas.cli.client.Requests.NewEnrollmentToken;
import org.mecconpaas.cli.client.Requests.NewService;
import org.mecconpaas.cli.client.Requests.NewToken;
import org.mecconpaas.cli.client.Requests.NewUser;
import org.mecconpaas.cli.client.Requests.NodeLabels;
import org.mecconpaas.cli.client.Requests.Placement;
import org.mecconpaas.cli.client.Requests.ServiceScale;

/**
 * Every call of the master's REST API ({@code /api/v1}, see docs/api.md), one method each. Answers
 * are returned as the master's JSON text; error statuses throw {@link ApiException} and network
 * failures {@link MasterUnreachableException}, so commands only decide how to show things.
 */
public final class MasterClient implements AutoCloseable {

  private static final String API_ROOT = "api/v1";
  private static final String USER_AGENT = "mec-cli";
  private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
  // Long enough for the master to unpack and check a large archive after the upload.
  private static final int READ_TIMEOUT_MILLIS = 300_000;
  private static final int UPLOAD_CHUNK_BYTES = 64 * 1024;
  private static final String JSON_ANSWERS = "application/json, application/problem+json";
  private static final String TEXT_ANSWERS = "text/plain, " + JSON_ANSWERS;

  private final URI masterUrl;
  private final String token;
  private final Client http;
  private Client patchHttp;

  /**
   * @param masterUrl where the master runs, e.g. {@code https://master.example:8080}
   * @param token the bearer token, or {@code null} for the calls that need none
   */
  public MasterClient(URI masterUrl, String token) {
    this.masterUrl = masterUrl;
    this.token = token;
    // The JDK HttpURLConnection connector streams chunked request bodies, which uploads need.
    this.http = newClient(null);
  }

  public URI masterUrl() {
    return masterUrl;
  }

  @Override
  public void close() {
    http.close();
    if (patchHttp != null) {
      patchHttp.close();
    }
  }

  // ---- tokens and users

  public JsonDocument createToken(NewToken request) {
    return exchange(() -> json(api("auth", "tokens")).post(Entity.json(request)), this::document);
  }

  public JsonDocument listTokens() {
    return get(api("auth", "tokens"));
  }

  public void revokeToken(String id) {
    delete(api("auth", "tokens", id));
  }

  public JsonDocument listUsers() {
    return get(api("users"));
  }

  public JsonDocument createUser(NewUser request) {
    return post(api("users"), request);
  }

  public void deleteUser(String id) {
    delete(api("users", id));
  }

  // ---- catalog

  public JsonDocument catalog() {
    return get(api("catalog"));
  }

  public JsonDocument serviceType(String type) {
    return get(api("catalog", type));
  }

  // ---- applications

  public JsonDocument listApplications() {
    return get(api("applications"));
  }

  public JsonDocument createApplication(NewApplication request) {
    return post(api("applications"), request);
  }

  public JsonDocument application(String app) {
    return get(api("applications", app));
  }

  public JsonDocument changeApplication(String app, ApplicationChange change) {
    // HttpURLConnection refuses PATCH (Jersey's workaround needs --add-opens on Java 17), so this
    // one small JSON request goes through the java.net.http connector instead.
    return exchange(
        () ->
            json(apiPath(patchClient().target(masterUrl), "applications", app))
                .method("PATCH", Entity.json(change)),
        this::document);
  }

  public void deleteApplication(String app) {
    delete(api("applications", app));
  }

  // ---- services

  public JsonDocument listServices(String app) {
    return get(api("applications", app, "services"));
  }

  public JsonDocument createService(String app, NewService request) {
    return post(api("applications", app, "services"), request);
  }

  public JsonDocument service(String app, String service) {
    return get(services(app, service));
  }

  public JsonDocument startService(String app, String service) {
    return post(services(app, service, "start"), null);
  }

  public JsonDocument stopService(String app, String service) {
    return post(services(app, service, "stop"), null);
  }

  public void deleteService(String app, String service) {
    delete(services(app, service));
  }

  /** Sets the instance count of the roles named; the others keep theirs. */
  public JsonDocument scaleService(String app, String service, ServiceScale request) {
    return post(services(app, service, "scale"), request);
  }

  /** Asks every instance of a generic service to run one of its scripts. */
  public JsonDocument triggerScript(String app, String service, ServiceScript script) {
    return post(services(app, service, "scripts", script.key()), null);
  }

  // ---- placement and migrations

  public JsonDocument placement(String app, String service) {
    return get(services(app, service, "placement"));
  }

  /** Replaces the whole placement: fields left out get the master's defaults. */
  public JsonDocument setPlacement(String app, String service, Placement placement) {
    return put(services(app, service, "placement"), placement);
  }

  /** Starts moving an instance, make-before-break; answers the migration (202). */
  public JsonDocument migrateInstance(
      String app, String service, String instance, MigrationTarget target) {
    return post(services(app, service, "instances", instance, "migrate"), target);
  }

  /** The service's migrations with the time of each step, newest first. */
  public JsonDocument migrations(String app, String service) {
    return get(services(app, service, "migrations"));
  }

  // ---- instances and their logs

  public JsonDocument instances(String app, String service) {
    return get(services(app, service, "instances"));
  }

  public JsonDocument instance(String app, String service, String instance) {
    return get(services(app, service, "instances", instance));
  }

  /** The figures the instance reported lately ({@code cpuPercent}, ...), oldest first. */
  public JsonDocument instanceMetrics(String app, String service, String instance) {
    return get(services(app, service, "instances", instance, "metrics"));
  }

  /**
   * The last lines of one log of an instance, as plain text.
   *
   * @param tail how many lines; {@code null} leaves it to the master (200)
   */
  public String instanceLog(
      String app, String service, String instance, LogStream stream, Integer tail) {
    WebTarget target =
        withQuery(
            services(app, service, "instances", instance, "logs", stream.key()), "tail", tail);
    return exchange(
        () -> authorized(target, TEXT_ANSWERS).get(),
        response -> {
          try (response) {
            failOnError(response);
            return response.hasEntity() ? response.readEntity(String.class) : "";
          }
        });
  }

  /**
   * The whole of one log of an instance, written like {@link #downloadCode}: into a temporary file
   * moved into place when complete.
   */
  public DownloadedFile downloadInstanceLog(
      String app,
      String service,
      String instance,
      LogStream stream,
      Function<String, Path> destination,
      TransferListener listener) {
    WebTarget target =
        services(app, service, "instances", instance, "logs", stream.key())
            .queryParam("download", true);
    return download(target, TEXT_ANSWERS, destination, listener);
  }

  // ---- code versions

  public JsonDocument listCode(String app, String service) {
    return get(services(app, service, "code"));
  }

  /**
   * Sends the file as multipart/form-data part {@code file}, chunked, reading it as it goes: code
   * archives can be larger than the memory of the machine running the CLI would like to hold.
   */
  public JsonDocument uploadCode(String app, String service, Path file, TransferListener listener) {
    String fileName = file.getFileName().toString();
    boolean completed = false;
    try (InputStream raw = Files.newInputStream(file);
        CountingInputStream counted = new CountingInputStream(raw, listener);
        FormDataMultiPart form = new FormDataMultiPart()) {
      listener.started(fileName, Files.size(file));
      form.bodyPart(
          new StreamDataBodyPart(
              "file", counted, fileName, MediaType.APPLICATION_OCTET_STREAM_TYPE));
      WebTarget target =
          services(app, service, "code")
              .property(
                  ClientProperties.REQUEST_ENTITY_PROCESSING, RequestEntityProcessing.CHUNKED);
      JsonDocument answer =
          exchange(
              () -> json(target).post(Entity.entity(form, form.getMediaType())), this::document);
      completed = true;
      listener.completed(counted.count());
      return answer;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } finally {
      if (!completed) {
        listener.aborted();
      }
    }
  }

  public JsonDocument enableCode(String app, String service, String version) {
    return post(services(app, service, "code", version, "enable"), null);
  }

  /**
   * Streams the archive into a temporary file beside the destination and moves it into place only
   * when complete, so an interrupted download never leaves a truncated archive under the real name.
   *
   * @param destination picks the file to write, given the name the master suggests in {@code
   *     Content-Disposition} ({@code null} when it sent none)
   */
  public DownloadedFile downloadCode(
      String app,
      String service,
      String version,
      Function<String, Path> destination,
      TransferListener listener) {
    WebTarget target = services(app, service, "code", version);
    return download(target, "application/octet-stream, " + JSON_ANSWERS, destination, listener);
  }

  public void deleteCode(String app, String service, String version) {
    delete(services(app, service, "code", version));
  }

  // ---- jobs of a Flink service

  /** Runs a code version (a job jar) on the service's JobManager; answers the new job. */
  public JsonDocument submitJob(String app, String service, JobSubmission request) {
    return post(services(app, service, "jobs"), request);
  }

  public JsonDocument listJobs(String app, String service) {
    return get(services(app, service, "jobs"));
  }

  /** The job and its vertices with their record counts. */
  public JsonDocument job(String app, String service, String job) {
    return get(services(app, service, "jobs", job));
  }

  public JsonDocument cancelJob(String app, String service, String job) {
    return post(services(app, service, "jobs", job, "cancel"), null);
  }

  // ---- nodes

  public JsonDocument enrollmentTokens() {
    return get(api("nodes", "enrollment-tokens"));
  }

  public JsonDocument createEnrollmentToken(NewEnrollmentToken request) {
    return post(api("nodes", "enrollment-tokens"), request);
  }

  public JsonDocument nodes() {
    return get(api("nodes"));
  }

  public JsonDocument node(String name) {
    return get(api("nodes", name));
  }

  /** The node takes no new instances and hands its current ones over to other nodes. */
  public JsonDocument drainNode(String name) {
    return post(api("nodes", name, "drain"), null);
  }

  public JsonDocument undrainNode(String name) {
    return post(api("nodes", name, "undrain"), null);
  }

  /** Replaces the node's labels, which placement constraints ask for. */
  public JsonDocument labelNode(String name, NodeLabels labels) {
    return put(api("nodes", name, "labels"), labels);
  }

  // ---- events

  public JsonDocument events(EventQuery query) {
    WebTarget target = api("events");
    target = withQuery(target, "application", query.application());
    target = withQuery(target, "service", query.service());
    target = withQuery(target, "page", query.page());
    target = withQuery(target, "size", query.size());
    return get(target);
  }

  // ---- plumbing

  private static Client newClient(ConnectorProvider connector) {
    ClientConfig config =
        new ClientConfig()
            .property(ClientProperties.CONNECT_TIMEOUT, CONNECT_TIMEOUT_MILLIS)
            .property(ClientProperties.READ_TIMEOUT, READ_TIMEOUT_MILLIS)
            // Registered explicitly: auto-discovery through META-INF/services is easy to lose
            // when the jar is shaded.
            .register(JsonBindingFeature.class)
            .register(MultiPartFeature.class);
    if (connector != null) {
      config.connectorProvider(connector);
    }
    return ClientBuilder.newClient(config);
  }

  private Client patchClient() {
    if (patchHttp == null) {
      patchHttp = newClient(new JavaNetHttpConnectorProvider());
    }
    return patchHttp;
  }

  private WebTarget api(String... segments) {
    return apiPath(http.target(masterUrl), segments);
  }

  private WebTarget services(String app, String service, String... more) {
    WebTarget target = api("applications", app, "services", service);
    return appendSegments(target, more);
  }

  /** Appends {@code /api/v1} and then each segment, percent-encoded, even a stray slash. */
  private static WebTarget apiPath(WebTarget base, String... segments) {
    WebTarget target = base.path(API_ROOT);
    return appendSegments(target, segments);
  }

  private static WebTarget appendSegments(WebTarget target, String... segments) {
    for (String segment : segments) {
      target = target.path("{segment}").resolveTemplate("segment", segment);
    }
    return target;
  }

  private static WebTarget withQuery(WebTarget target, String name, Object value) {
    return value == null ? target : target.queryParam(name, value);
  }

  private Invocation.Builder json(WebTarget target) {
    return authorized(target, JSON_ANSWERS);
  }

  private Invocation.Builder authorized(WebTarget target, String accept) {
    Invocation.Builder builder =
        target.request().header(HttpHeaders.ACCEPT, accept).header("User-Agent", USER_AGENT);
    if (token != null) {
      builder = builder.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }
    return builder;
  }

  private JsonDocument get(WebTarget target) {
    return exchange(() -> json(target).get(), this::document);
  }

  /** Posts {@code body} as JSON; a {@code null} body sends a POST without any entity. */
  private JsonDocument post(WebTarget target, Object body) {
    Entity<?> entity = body == null ? null : Entity.json(body);
    return exchange(() -> json(target).post(entity), this::document);
  }

  private JsonDocument put(WebTarget target, Object body) {
    return exchange(() -> json(target).put(Entity.json(body)), this::document);
  }

  /** GETs {@code target} into the file {@code destination} picks, see {@link #save}. */
  private DownloadedFile download(
      WebTarget target,
      String accept,
      Function<String, Path> destination,
      TransferListener listener) {
    return exchange(
        () -> authorized(target, accept).get(),
        response -> {
          try (response) {
            failOnError(response);
            Path path = destination.apply(suggestedFileName(response));
            return save(response, path, listener);
          }
        });
  }

  private void delete(WebTarget target) {
    exchange(
        () -> json(target).delete(),
        response -> {
          try (response) {
            failOnError(response);
            return null;
          }
        });
  }

  private JsonDocument document(Response response) {
    try (response) {
      failOnError(response);
      return new JsonDocument(response.hasEntity() ? response.readEntity(String.class) : "");
    }
  }

  private static void failOnError(Response response) {
    if (response.getStatus() >= 400) {
      throw ApiException.from(response);
    }
  }

  /** Sends and reads inside one guard, since a broken connection can surface at either step. */
  private <T> T exchange(Supplier<Response> send, Function<Response, T> read) {
    try {
      return read.apply(send.get());
    } catch (ProcessingException e) {
      throw translate(e);
    }
  }

  private RuntimeException translate(ProcessingException e) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    if (cause instanceof HttpRetryException retry && retry.responseCode() == 401) {
      // HttpURLConnection cannot hand back a 401 it got while streaming a body: it throws.
      return new ApiException(401, "the master refused the token", List.of());
    }
    String reason =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new MasterUnreachableException(
        "cannot reach the master at " + masterUrl + ": " + reason, e);
  }

  private static DownloadedFile save(Response response, Path path, TransferListener listener) {
    Path absolute = path.toAbsolutePath();
    Path partial = null;
    boolean completed = false;
    listener.started(absolute.getFileName().toString(), response.getLength());
    try (InputStream body = response.readEntity(InputStream.class);
        CountingInputStream counted = new CountingInputStream(body, listener)) {
      partial = Files.createTempFile(absolute.getParent(), ".mec-download-", ".part");
      Files.copy(counted, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
      completed = true;
      listener.completed(counted.count());
      return new DownloadedFile(absolute, counted.count());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + absolute + ": " + e.getMessage(), e);
    } finally {
      if (!completed) {
        listener.aborted();
        deleteQuietly(partial);
      }
    }
  }

  private static void deleteQuietly(Path path) {
    if (path == null) {
      return;
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException ignored) {
      // Only a leftover temporary file; the error that got us here matters more.
    }
  }

  /**
   * The file name from {@code Content-Disposition}, cut to its last path element so that a hostile
   * or buggy server cannot make the CLI write outside the chosen directory.
   */
  static String suggestedFileName(Response response) {
    String header = response.getHeaderString("Content-Disposition");
    if (header == null || header.isBlank()) {
      return null;
    }
    String name;
    try {
      name = new ContentDisposition(header).getFileName();
    } catch (ParseException e) {
      return null;
    }
    if (name == null) {
      return null;
    }
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
    return name.isEmpty() || name.equals(".") || name.equals("..") ? null : name;
  }
}
