package org.mecconpaas.portal.interfaces.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.mecconpaas.manager.application.Caller;
import org.mecconpaas.manager.application.TokenAuthentication;
import org.mecconpaas.manager.domain.model.AuthenticationFailed;
import org.mecconpaas.portal.interfaces.rest.problem.Problem;

/**
 * Who is calling, for every request. API paths accept only bearer tokens, never the portal's
 * session cookie, so a page in a browser cannot be tricked into calling the API. Portal pages use
 * the session set up by a form login.
 */
@ApplicationScoped
public class MecAuthenticationMechanism implements HttpAuthenticationMechanism {
  static final String API = "/api/";
  static final String AGENT = "/agent/";
  static final String SESSION_CALLER = "mec.caller";

  private static final Set<String> PUBLIC_API =
      Set.of("POST /api/v1/auth/tokens", "GET /api/v1/health");

  @Inject private TokenAuthentication tokens;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith(AGENT)) {
      return context.doNothing(); // node agents authenticate with their own credentials
    }
    if (path.startsWith(API)) {
      return authenticateApi(request, response, context, path);
    }
    if (context.isAuthenticationRequest()) {
      return formLogin(request, context);
    }
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(SESSION_CALLER) instanceof Caller caller) {
      return login(request, context, caller);
    }
    return context.isProtected()
        ? context.redirect(request.getContextPath() + "/login.xhtml")
        : context.doNothing();
  }

  private AuthenticationStatus authenticateApi(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context,
      String path) {
    Optional<String> bearer = bearerToken(request);
    if (bearer.isEmpty() && PUBLIC_API.contains(request.getMethod() + " " + path)) {
      return context.doNothing();
    }
    Optional<Caller> caller = bearer.flatMap(tokens::authenticate);
    if (caller.isEmpty()) {
      return refuse(
          response,
          bearer.isEmpty()
              ? "this request needs 'Authorization: Bearer <token>'; get a token with POST"
                  + " /api/v1/auth/tokens or 'mec login'"
              : "the token is unknown, revoked or expired");
    }
    return login(request, context, caller.get());
  }

  private AuthenticationStatus formLogin(HttpServletRequest request, HttpMessageContext context) {
    Credential credential = context.getAuthParameters().getCredential();
    if (!(credential instanceof UsernamePasswordCredential password)) {
      return context.doNothing();
    }
    try {
      Caller caller = tokens.checkPassword(password.getCaller(), password.getPasswordAsString());
      request.changeSessionId();
      request.getSession(true).setAttribute(SESSION_CALLER, caller);
      return login(request, context, caller);
    } catch (AuthenticationFailed e) {
      return AuthenticationStatus.SEND_FAILURE;
    }
  }

  private static AuthenticationStatus login(
      HttpServletRequest request, HttpMessageContext context, Caller caller) {
    request.setAttribute(SESSION_CALLER, caller);
    return context.notifyContainerAboutLogin(caller.username(), Set.of(caller.role().name()));
  }

  private static Optional<String> bearerToken(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    String token = header.substring(7).trim();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  private static AuthenticationStatus refuse(HttpServletResponse response, String detail) {
    try {
      response.setStatus(401);
      response.setHeader("WWW-Authenticate", "Bearer realm=\"mec\"");
      response.setContentType(Problem.MEDIA_TYPE + ";charset=UTF-8");
      response
          .getWriter()
          .write(new Problem(401, "Unauthorized", detail).toJson(Problem.newInstance()).toString());
      response.flushBuffer();
    } catch (IOException e) {
      // the client went away; nothing to tell it
    }
    return AuthenticationStatus.SEND_FAILURE;
  }
}
