package org.mecconpaas.portal.interfaces.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.mecconpaas.manager.application.Caller;
import org.mecconpaas.manager.domain.model.AuthenticationFailed;

/** The caller the authentication mechanism established for this request. */
@RequestScoped
public class CurrentCaller {
  @Inject private HttpServletRequest request;

  public Caller get() {
    if (request.getAttribute(MecAuthenticationMechanism.SESSION_CALLER) instanceof Caller caller) {
      return caller;
    }
    throw new AuthenticationFailed("not signed in");
  }
}
