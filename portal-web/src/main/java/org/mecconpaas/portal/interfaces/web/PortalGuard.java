package org.mecconpaas.portal.interfaces.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.mecconpaas.manager.application.AccountStatus;
import org.mecconpaas.manager.application.Caller;
import org.mecconpaas.manager.application.CodeVersions;
import org.mecconpaas.manager.domain.model.AuthenticationFailed;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;

/**
 * Two checks on portal pages before Faces sees the request: a session whose account was disabled
 * meanwhile ends (back to the sign-in page), and an upload larger than the master's limit is
 * refused from its Content-Length before the container spools it to disk.
 */
@WebFilter(urlPatterns = "/portal/*")
public class PortalGuard extends HttpFilter {
  /** Room for the multipart headers and the form's other fields around the file. */
  static final long ENVELOPE = 64 * 1024;

  private static final long serialVersionUID = 1L;

  @Inject private transient CurrentCaller caller;
  @Inject private transient AccountStatus accounts;
  @Inject private transient CodeVersions code;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (isMultipart(request)) {
      long length = request.getContentLengthLong();
      if (length < 0) {
        response.sendError(HttpServletResponse.SC_LENGTH_REQUIRED);
        return;
      }
      if (length > code.maxUploadBytes() + ENVELOPE) {
        response.sendError(
            HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
            "the upload is larger than the limit of " + code.maxUploadBytes() + " bytes");
        return;
      }
    }
    Caller signedIn;
    try {
      signedIn = caller.get();
    } catch (AuthenticationFailed notSignedIn) {
      chain.doFilter(request, response); // the container's constraint sends them to sign in
      return;
    }
    if (!accounts.isActive(signedIn.userId())) {
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      redirect(request, response, request.getContextPath() + "/login.xhtml?disabled=true");
      return;
    }
    chain.doFilter(request, response);
  }

  /** A poll cannot follow an HTTP redirect; Faces' partial response tells the page to go. */
  private static void redirect(HttpServletRequest request, HttpServletResponse response, String url)
      throws IOException {
    if (SignInRedirect.isPartial(request)) {
      SignInRedirect.sendPartialRedirect(response, url);
    } else {
      response.sendRedirect(url);
    }
  }

  private static boolean isMultipart(HttpServletRequest request) {
    String type = request.getContentType();
    return "POST".equals(request.getMethod())
        && type != null
        && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
  }
}
