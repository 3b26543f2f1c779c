package org.mecconpaas.cli.client;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.client.ClientProperties;

/**
 * The master's read-only mobile clients API ({@code /clients}, see docs/api.md). Errors as in
 * {@link MasterClient}: error statuses throw {@link ApiException}, network failures {@link
 * MasterUnreachableException}.
 */
public final class MobileClientsApi implements AutoCloseable {
  private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
  private static final int READ_TIMEOUT_MILLIS = 60_000;

  private final URI masterUrl;
  private final String token;
  private final Client http;

  public MobileClientsApi(URI masterUrl, String token) {
    this.masterUrl = masterUrl;
    this.token = token;
    this.http =
        ClientBuilder.newClient(
            new ClientConfig()
                .property(ClientProperties.CONNECT_TIMEOUT, CONNECT_TIMEOUT_MILLIS)
                .property(ClientProperties.READ_TIMEOUT, READ_TIMEOUT_MILLIS));
  }

  /** One page of clients, by id. */
  public JsonDocument clients(Integer page, Integer size) {
    return get(paged(api("clients"), page, size));
  }

  /** One client with a page of its history, newest first. */
  public JsonDocument client(String id, Integer page, Integer size) {
    return get(paged(api("clients", id), page, size));
  }

  @Override
  public void close() {
    http.close();
  }

  private WebTarget api(String... segments) {
    WebTarget target = http.target(masterUrl).path("api/v1");
    for (String segment : segments) {
      target = target.path("{segment}").resolveTemplate("segment", segment);
    }
    return target;
  }

  private static WebTarget paged(WebTarget target, Integer page, Integer size) {
    WebTarget paged = page == null ? target : target.queryParam("page", page);
    return size == null ? paged : paged.queryParam("size", size);
  }

  private JsonDocument get(WebTarget target) {
    try (Response response =
        target
            .request()
            .header(HttpHeaders.ACCEPT, "application/json, application/problem+json")
            .header("User-Agent", "mec-cli")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
            .get()) {
      if (response.getStatus() >= 400) {
        throw ApiException.from(response);
      }
      return new JsonDocument(response.hasEntity() ? response.readEntity(String.class) : "");
    } catch (ProcessingException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String reason =
          cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
      throw new MasterUnreachableException(
          "cannot reach the master at " + masterUrl + ": " + reason, e);
    }
  }
}
