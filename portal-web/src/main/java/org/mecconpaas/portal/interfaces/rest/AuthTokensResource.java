package org.mecconpaas.portal.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.mecconpaas.manager.application.TokenAuthentication;
import org.mecconpaas.manager.application.TokenAuthentication.IssuedToken;
import org.mecconpaas.manager.domain.model.user.ApiToken;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;

/** Bearer tokens: issued for a username and password, listed and revoked by their owner. */
@Path("auth/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthTokensResource {
  /** A login. */
  public record LoginRequest(
      String username, String password, String name, Integer expiresInDays) {}

  /** A token as its owner sees it; {@code token} is set only in the answer to a login. */
  public record TokenView(
      long id,
      String name,
      String token,
      Instant createdAt,
      Instant expiresAt,
      Instant lastUsedAt) {
    static TokenView of(ApiToken t, String secret) {
      return new TokenView(t.id(), t.name(), secret, t.createdAt(), t.expiresAt(), t.lastUsedAt());
    }
  }

  @Inject private TokenAuthentication authentication;
  @Inject private CurrentCaller caller;

  @POST
  public Response login(LoginRequest body) {
    var request = RequestBodies.required(body);
    IssuedToken issued =
        authentication.issue(
            request.username(), request.password(), request.name(), request.expiresInDays());
    return Response.created(URI.create("auth/tokens/" + issued.token().id()))
        .entity(TokenView.of(issued.token(), issued.secret()))
        .build();
  }

  @GET
  public List<TokenView> list() {
    return authentication.list(caller.get()).stream().map(t -> TokenView.of(t, null)).toList();
  }

  @DELETE
  @Path("{id}")
  public Response revoke(@PathParam("id") long id) {
    authentication.revoke(caller.get(), id);
    return Response.noContent().build();
  }
}
