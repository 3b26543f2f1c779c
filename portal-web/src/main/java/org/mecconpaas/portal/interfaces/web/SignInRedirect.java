package org.mecconpaas.portal.interfaces.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A poll of a page whose session ended is redirected to the sign-in page, and the browser follows
 * that redirect inside the poll, still asking for a Faces partial response. Answer it with a
 * partial response that sends the whole page there, instead of an update the poll cannot use.
 */
@WebFilter(urlPatterns = "/login.xhtml")
public class SignInRedirect extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if ("GET".equals(request.getMethod()) && isPartial(request)) {
      String query = request.getQueryString();
      sendPartialRedirect(
          response, request.getContextPath() + "/login.xhtml" + (query == null ? "" : "?" + query));
      return;
    }
    chain.doFilter(request, response);
  }

  static boolean isPartial(HttpServletRequest request) {
    return "partial/ajax".equals(request.getHeader("Faces-Request"));
  }

  /** The Faces partial response that makes the page load {@code url}. */
  static void sendPartialRedirect(HttpServletResponse response, String url) throws IOException {
    response.setContentType("text/xml");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                + url.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;")
                + "\"/></partial-response>");
  }
}
