package org.mecconpaas.portal.interfaces.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.mecconpaas.manager.application.ConflictRetry;
import org.mecconpaas.manager.application.ServiceOperations;
import org.mecconpaas.manager.domain.model.DomainException;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.service.PlacementPolicy;
import org.mecconpaas.manager.domain.model.service.Service;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;

/**
 * The service page's placement policy and its constraints. The manager checks them as a whole: each
 * problem shows next to its field and nothing is saved. Saving moves no instance by itself.
 */
@Named
@ViewScoped
public class PlacementBean implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String FORM = "tabs:placement:";

  @Inject private ServiceBean page;
  @Inject private transient ServiceOperations services;
  @Inject private transient CurrentCaller caller;

  private PlacementForm form;
  private String active;

  public PlacementForm getForm() {
    if (form == null) {
      try {
        show(services.find(caller.get(), page.getApp(), page.getName()));
      } catch (DomainException | IllegalArgumentException missing) {
        form = new PlacementForm();
      }
    }
    return form;
  }

  private void show(Service service) {
    form = PlacementForm.of(service.placementPolicy(), service.placement());
    active = PlacementForm.describe(service.placementPolicy(), service.placement());
  }

  public void save() {
    try {
      show(
          ConflictRetry.retry(
              () -> services.place(caller.get(), page.getApp(), page.getName(), form.request())));
      Feedback.info(
          "Placement saved: "
              + active
              + ". Instances move when they are (re)placed or when follow-me migrates them");
    } catch (RuleViolation refused) {
      for (RuleViolation.FieldError error : refused.errors()) {
        String input = PlacementForm.inputFor(error);
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

  /** Back to what is stored, dropping what was typed. */
  public void reset() {
    form = null;
  }

  /** The stored placement in words. */
  public String getActive() {
    getForm();
    return active;
  }

  public List<String> getPolicies() {
    return java.util.Arrays.stream(PlacementPolicy.values()).map(PlacementPolicy::label).toList();
  }
}
