package org.mecconpaas.portal.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import org.mecconpaas.manager.application.Caller;
import org.mecconpaas.manager.domain.model.AuthenticationFailed;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;

/** Who is signed in, for the page template: {@code #{me.username}}, {@code #{me.admin}}. */
@Named("me")
@RequestScoped
public class CurrentUser {
  @Inject private CurrentCaller caller;

  private Optional<Caller> signedIn() {
    try {
      return Optional.of(caller.get());
    } catch (AuthenticationFailed notSignedIn) {
      return Optional.empty();
    }
  }

  public boolean isSignedIn() {
    return signedIn().isPresent();
  }

  public String getUsername() {
    return signedIn().map(Caller::username).orElse("");
  }

  public boolean isAdmin() {
    return signedIn().map(Caller::isAdmin).orElse(false);
  }
}
