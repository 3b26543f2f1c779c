package org.mecconpaas.it.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's conversation with the portal, without a browser: the form login's session cookie,
 * page loads, and the Faces partial requests that PrimeFaces' polls send. Each call returns what it
 * took, from sending the request to the last byte of the answer on loopback.
 */
final class PortalSession {
  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

  /** One answer and how long it took. */
  record Timed(int status, String body, long nanos) {}

  private final HttpClient http;
  private final String base;

  private PortalSession(String base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** Signs in through the login form, as a browser would. */
  static PortalSession signIn(String base, String username, String password)
      throws IOException, InterruptedException {
    PortalSession session = new PortalSession(base);
    Timed login = session.get("/login.xhtml");
    Map<String, String> form = new LinkedHashMap<>();
    form.put("login", "login");
    form.put("login:username", username);
    form.put("login:password", password);
    form.put("login:submit", "");
    form.put("jakarta.faces.ViewState", viewState(login.body()));
    Timed answer = session.post("/login.xhtml", form, false);
    if (answer.status() != 302 && answer.status() != 303) {
      throw new IllegalStateException("sign-in of " + username + " answered " + answer.status());
    }
    return session;
  }

  Timed get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /**
   * The partial request a {@code p:poll} sends: {@code source} is the poll's client id, {@code
   * render} what it updates, the view state the one of {@code page}.
   */
  Timed poll(String path, Timed page, String form, String source, String render)
      throws IOException, InterruptedException {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("jakarta.faces.partial.ajax", "true");
    fields.put("jakarta.faces.source", source);
    fields.put("jakarta.faces.partial.execute", source);
    fields.put("jakarta.faces.partial.render", render);
    fields.put(source, source);
    fields.put(form, form);
    fields.put("jakarta.faces.ViewState", viewState(page.body()));
    return post(path, fields, true);
  }

  private Timed post(String path, Map<String, String> fields, boolean ajax)
      throws IOException, InterruptedException {
    String body =
        fields.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (ajax) {
      request.header("Faces-Request", "partial/ajax");
    }
    return send(request);
  }

  private Timed send(HttpRequest.Builder request) throws IOException, InterruptedException {
    long start = System.nanoTime();
    HttpResponse<String> answer =
        http.send(
            request.timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Timed(answer.statusCode(), answer.body(), System.nanoTime() - start);
  }

  static String viewState(String html) {
    Matcher matcher = VIEW_STATE.matcher(html);
    if (!matcher.find()) {
      throw new IllegalStateException("no view state in the page");
    }
    return matcher.group(1);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
