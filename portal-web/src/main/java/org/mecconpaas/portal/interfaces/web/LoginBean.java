package org.mecconpaas.portal.interfaces.web;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The portal's form login and logout. */
@Named
@RequestScoped
public class LoginBean {
  @Inject private SecurityContext securityContext;
  @Inject private FacesContext faces;

  private String username;
  private String password;

  public String login() {
    ExternalContext external = faces.getExternalContext();
    AuthenticationStatus status =
        securityContext.authenticate(
            (HttpServletRequest) external.getRequest(),
            (HttpServletResponse) external.getResponse(),
            withParams().credential(new UsernamePasswordCredential(username, password)));
    if (status == AuthenticationStatus.SUCCESS) {
      return "/portal/home?faces-redirect=true";
    }
    faces.addMessage(
        null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Wrong username or password", null));
    return null;
  }

  public String logout() throws ServletException {
    HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
    request.logout();
    faces.getExternalContext().invalidateSession();
    return "/index?faces-redirect=true";
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }
}
