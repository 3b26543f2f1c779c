package org.mecconpaas.portal.interfaces.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mecconpaas.manager.application.Autoscaler;
import org.mecconpaas.manager.application.ServiceOperations;
import org.mecconpaas.manager.domain.model.DomainException;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.service.AutoscalingPolicy;
import org.mecconpaas.manager.domain.model.service.Service;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;

/**
 * The service page's autoscaling policy (web services): set it, change it, remove it. The
 * autoscaler's decisions are events of the service, so the Events tab shows them.
 */
@Named
@ViewScoped
public class AutoscalingBean implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String FORM = "tabs:autoscaling:";

  @Inject private ServiceBean page;
  @Inject private transient Autoscaler autoscaler;
  @Inject private transient ServiceOperations services;
  @Inject private transient CurrentCaller caller;

  private PolicyForm form;
  private String active;
  private Instant autoscaledAt;

  public PolicyForm getForm() {
    if (form == null) {
      try {
        show(services.find(caller.get(), page.getApp(), page.getName()));
      } catch (DomainException | IllegalArgumentException missing) {
        form = PolicyForm.blank();
      }
    }
    return form;
  }

  private void show(Service service) {
    Optional<AutoscalingPolicy> policy = service.autoscaling();
    form = page.catalogType().map(t -> PolicyForm.of(t, policy.orElse(null))).orElseThrow();
    active = policy.map(PolicyForm::describe).orElse(null);
    autoscaledAt = service.autoscaledAt();
  }

  public void roleChanged() {
    page.catalogType().ifPresent(getForm()::roleChanged);
  }

  public void save() {
    try {
      show(autoscaler.setPolicy(caller.get(), page.getApp(), page.getName(), form.request()));
      Feedback.info("Autoscaling policy saved: " + active);
    } catch (RuleViolation refused) {
      for (RuleViolation.FieldError error : refused.errors()) {
        String input = PolicyForm.inputFor(error);
        Feedback.error(input == null ? null : FORM + input, error.message());
      }
      if (refused.errors().isEmpty()) {
        Feedback.refused(refused);
      }
      return;
    } catch (DomainException refused) {
      Feedback.refused(refused);
      return;
    }
    page.refresh();
  }

  public void remove() {
    try {
      show(autoscaler.removePolicy(caller.get(), page.getApp(), page.getName()));
      Feedback.info("Autoscaling policy removed: the roles keep the counts they have now");
    } catch (DomainException refused) {
      Feedback.refused(refused);
      return;
    }
    page.refresh();
  }

  public List<String> getRoles() {
    return page.catalogType().map(PolicyForm::scalableRoles).orElse(List.of());
  }

  /** The stored policy in words, or null when there is none. */
  public String getActive() {
    getForm();
    return active;
  }

  /** When the autoscaler last changed the role's count, or null. */
  public Instant getAutoscaledAt() {
    getForm();
    return autoscaledAt;
  }

  /** The role's bounds, e.g. "1 to 16", for the form's hint. */
  public String getRoleBounds() {
    return page.catalogType()
        .flatMap(t -> t.role(getForm().getRole()))
        .map(r -> r.min() + " to " + r.max())
        .orElse("");
  }
}
