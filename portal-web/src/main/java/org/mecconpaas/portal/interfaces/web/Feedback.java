package org.mecconpaas.portal.interfaces.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.Map;
import org.mecconpaas.manager.domain.model.DomainException;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.StateConflict;

/**
 * Messages for the user. A refusal of the manager is shown next to the field it names (the
 * manager's field names map to the components' client ids), anything else at the top of the page.
 */
final class Feedback {
  private Feedback() {}

  static void info(String text) {
    add(null, FacesMessage.SEVERITY_INFO, text);
  }

  static void error(String clientId, String text) {
    add(clientId, FacesMessage.SEVERITY_ERROR, text);
    FacesContext.getCurrentInstance().validationFailed();
  }

  /**
   * Shows why the manager refused.
   *
   * @param fields the manager's field names (e.g. {@code name}) to client ids (e.g. {@code
   *     create:name})
   */
  static void refused(DomainException refusal, Map<String, String> fields) {
    if (refusal instanceof RuleViolation violation && !violation.errors().isEmpty()) {
      for (RuleViolation.FieldError error : violation.errors()) {
        error(fields.get(error.field()), error.message());
      }
      return;
    }
    error(null, refusal.getMessage());
  }

  /**
   * As {@link #refused(DomainException, Map)}; a state conflict (a name that is taken) goes next to
   * {@code conflictField}.
   */
  static void refused(DomainException refusal, Map<String, String> fields, String conflictField) {
    if (refusal instanceof StateConflict) {
      error(conflictField, refusal.getMessage());
      return;
    }
    refused(refusal, fields);
  }

  static void refused(DomainException refusal) {
    refused(refusal, Map.of());
  }

  private static void add(String clientId, FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, null));
  }
}
