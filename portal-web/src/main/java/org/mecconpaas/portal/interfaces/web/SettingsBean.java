package org.mecconpaas.portal.interfaces.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.mecconpaas.catalog.ServiceType;
import org.mecconpaas.catalog.SettingSpec;
import org.mecconpaas.manager.application.ConflictRetry;
import org.mecconpaas.manager.application.ServiceOperations;
import org.mecconpaas.manager.domain.model.DomainException;
import org.mecconpaas.manager.domain.model.service.Service;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;

/**
 * The service page's settings (for types that have some, such as PHP's memory_limit). The manager
 * validates them as a whole: when one is wrong, each problem shows next to its field and nothing is
 * saved.
 */
@Named
@ViewScoped
public class SettingsBean implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String FIELDS = "tabs:settings:fields";

  @Inject private ServiceBean page;
  @Inject private transient ServiceOperations services;
  @Inject private transient CurrentCaller caller;

  private SettingsForm form;

  public SettingsForm getForm() {
    if (form == null) {
      try {
        load(services.find(caller.get(), page.getApp(), page.getName()));
      } catch (DomainException | IllegalArgumentException missing) {
        form = SettingsForm.of(List.of(), Map.of());
      }
    }
    return form;
  }

  private void load(Service service) {
    List<SettingSpec> specs = page.catalogType().map(ServiceType::settings).orElse(List.of());
    form = SettingsForm.of(specs, service.settings());
  }

  public void save() {
    Map<String, String> changes = getForm().changes();
    if (changes.isEmpty()) {
      Feedback.info("Nothing to save: the settings are as stored");
      return;
    }
    try {
      load(
          ConflictRetry.retry(
              () -> services.configure(caller.get(), page.getApp(), page.getName(), changes)));
      Feedback.info(
          "Settings saved"
              + (page.runningInstances() > 0 ? ": the roles restart with them" : "")
              + " ("
              + String.join(", ", changes.keySet())
              + ")");
    } catch (DomainException refused) {
      Feedback.refused(refused, form.clientIds(FIELDS));
      return;
    }
    page.refresh();
  }

  /** Back to what is stored, dropping what was typed. */
  public void reset() {
    form = null;
  }
}
