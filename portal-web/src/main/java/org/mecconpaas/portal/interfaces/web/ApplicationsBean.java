package org.mecconpaas.portal.interfaces.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mecconpaas.manager.application.ApplicationOperations;
import org.mecconpaas.manager.domain.model.DomainException;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;

/** The caller's applications: list, create, rename, delete. */
@Named
@ViewScoped
public class ApplicationsBean implements Serializable {
  private static final long serialVersionUID = 1L;

  /** An application in the list. */
  public record Row(String name, String description, long services, Instant createdAt)
      implements Serializable {}

  @Inject private transient ApplicationOperations applications;
  @Inject private transient CurrentCaller caller;

  private List<Row> rows;
  private String newName;
  private String newDescription;
  private String renaming;
  private String renameTo;
  private String renameDescription;

  @PostConstruct
  void load() {
    rows =
        applications.list(caller.get()).stream()
            .map(
                s ->
                    new Row(
                        s.application().name(),
                        s.application().description(),
                        s.services(),
                        s.application().createdAt()))
            .toList();
  }

  public String create() {
    try {
      applications.create(caller.get(), newName, blankToNull(newDescription));
    } catch (DomainException refused) {
      Feedback.refused(
          refused,
          Map.of("name", "create:name", "description", "create:description"),
          "create:name");
      return null;
    }
    return "/portal/application?faces-redirect=true&name=" + newName;
  }

  /** Opens the rename dialog for one application. */
  public void startRename(Row row) {
    renaming = row.name();
    renameTo = row.name();
    renameDescription = row.description();
  }

  public void rename() {
    try {
      applications.update(
          caller.get(),
          renaming,
          Optional.ofNullable(renameTo),
          Optional.of(renameDescription == null ? "" : renameDescription));
      Feedback.info("Application " + renaming + " is now " + renameTo);
      renaming = null;
      load();
    } catch (DomainException refused) {
      Feedback.refused(
          refused,
          Map.of("name", "rename:newName", "description", "rename:newDescription"),
          "rename:newName");
    }
  }

  public void delete(Row row) {
    try {
      applications.delete(caller.get(), row.name());
      Feedback.info("Application " + row.name() + " deleted");
    } catch (DomainException refused) {
      Feedback.refused(refused);
    }
    load();
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  public List<Row> getRows() {
    return rows;
  }

  public String getNewName() {
    return newName;
  }

  public void setNewName(String newName) {
    this.newName = newName == null ? null : newName.trim();
  }

  public String getNewDescription() {
    return newDescription;
  }

  public void setNewDescription(String newDescription) {
    this.newDescription = newDescription;
  }

  public String getRenaming() {
    return renaming;
  }

  public String getRenameTo() {
    return renameTo;
  }

  public void setRenameTo(String renameTo) {
    this.renameTo = renameTo == null ? null : renameTo.trim();
  }

  public String getRenameDescription() {
    return renameDescription;
  }

  public void setRenameDescription(String renameDescription) {
    this.renameDescription = renameDescription;
  }
}
