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
import java.util.Optional;
import org.mecconpaas.manager.application.UserAccounts;
import org.mecconpaas.manager.application.UserAccounts.NewAccount;
import org.mecconpaas.manager.domain.model.user.Role;
import org.mecconpaas.manager.domain.model.user.User;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;

/** Accounts, for operators. */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsersResource {
  /** A new account; without a password the master generates one and returns it once. */
  public record CreateRequest(String username, Role role, String password) {}

  /** An account; {@code initialPassword} only in the answer to a create without a password. */
  public record UserView(
      long id, String username, Role role, Instant createdAt, String initialPassword) {
    static UserView of(User u, String initialPassword) {
      return new UserView(u.id(), u.username(), u.role(), u.createdAt(), initialPassword);
    }
  }

  @Inject private UserAccounts accounts;
  @Inject private CurrentCaller caller;

  @GET
  public List<UserView> list() {
    return accounts.list(caller.get()).stream().map(u -> UserView.of(u, null)).toList();
  }

  @POST
  public Response create(CreateRequest body) {
    var request = RequestBodies.required(body);
    NewAccount account =
        accounts.create(
            caller.get(),
            request.username(),
            request.role(),
            Optional.ofNullable(request.password()));
    return Response.created(URI.create("users/" + account.user().id()))
        .entity(UserView.of(account.user(), account.generatedPassword().orElse(null)))
        .build();
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") long id) {
    accounts.delete(caller.get(), id);
    return Response.noContent().build();
  }
}
