package org.mecconpaas.portal.interfaces.web;

import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import org.mecconpaas.manager.application.Migrations;
import org.mecconpaas.manager.domain.model.DomainException;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.service.Migration;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;

/**
 * The service page's Migrate dialog: move one instance to a node, or to the node nearest a point.
 * The manager checks the destination; the reconcile loop moves the instance make-before-break and
 * the Migrations table on the Placement tab follows it.
 */
@Named
@ViewScoped
public class MigrateBean implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String DIALOG = "migrate:";

  @Inject private ServiceBean page;
  @Inject private transient Migrations migrations;
  @Inject private transient EdgeView edgeView;
  @Inject private transient CurrentCaller caller;

  private MigrateForm form = new MigrateForm(null, null);
  private List<SelectItem> nodes = List.of();

  /** Opens the dialog for one instance of the table. */
  public void open(String instance, String currentNode) {
    form = new MigrateForm(instance, currentNode);
    nodes =
        edgeView.read(caller.get()).nodes().stream()
            .map(o -> o.node())
            .filter(n -> !Objects.equals(n.name(), currentNode))
            .map(n -> new SelectItem(n.name(), n.name() + " (" + n.state().name() + ")"))
            .toList();
  }

  public void migrate() {
    try {
      Migration started =
          migrations.request(
              caller.get(), page.getApp(), page.getName(), form.getInstance(), form.destination());
      Feedback.info(
          "Migration "
              + started.id()
              + " requested: "
              + form.getInstance()
              + " moves to "
              + started.toNode()
              + " (a new instance starts there, then the old one drains)");
    } catch (RuleViolation refused) {
      for (RuleViolation.FieldError error : refused.errors()) {
        String input = MigrateForm.inputFor(error.field());
        Feedback.error(input == null ? null : DIALOG + input, error.message());
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
    ServiceBean.redraw(":messages");
    ServiceBean.redraw(":tabs:overview:instances");
    ServiceBean.redraw(":tabs:history:migrations");
  }

  public MigrateForm getForm() {
    return form;
  }

  public List<SelectItem> getNodes() {
    return nodes;
  }
}
