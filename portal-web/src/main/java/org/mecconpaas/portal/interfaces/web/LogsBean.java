package org.mecconpaas.portal.interfaces.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mecconpaas.manager.application.ServiceOperations;
import org.mecconpaas.manager.domain.model.DomainException;
import org.mecconpaas.manager.infrastructure.storage.InstanceLogs;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/** The service page's log viewer: the last lines of one instance's stdout or stderr. */
@Named
@ViewScoped
public class LogsBean implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int MAX_LINES = 2000;

  @Inject private ServiceBean page;
  @Inject private transient ServiceOperations services;
  @Inject private transient InstanceLogs logs;
  @Inject private transient CurrentCaller caller;

  private String instance;
  private String stream = "stdout";
  private int lines = 200;
  private boolean follow = true;
  private String text = "";

  /** Shows the chosen log; with no instance chosen yet, the first one. */
  public void show() {
    List<ServiceBean.InstanceRow> rows = page.getInstances();
    if ((instance == null || rows.stream().noneMatch(r -> r.name().equals(instance)))
        && !rows.isEmpty()) {
      instance = rows.get(0).name();
    }
    if (instance == null) {
      text = "";
      return;
    }
    try {
      // the instance must be one of the caller's: the manager answers "not found" otherwise
      String owned =
          services.instance(caller.get(), page.getApp(), page.getName(), instance).name();
      text = logs.tail(owned, stream, Math.max(1, Math.min(lines, MAX_LINES)));
    } catch (DomainException | IllegalArgumentException gone) {
      text = "";
    }
  }

  /** Called with the page's poll: keeps the view at the end of the log while following. */
  public void poll() {
    if (follow) {
      show();
    }
  }

  public StreamedContent download() {
    String owned = services.instance(caller.get(), page.getApp(), page.getName(), instance).name();
    Path file = logs.file(owned, stream);
    DefaultStreamedContent.Builder content =
        DefaultStreamedContent.builder()
            .name(owned + "-" + stream + ".log")
            .contentType("text/plain;charset=UTF-8");
    if (!Files.exists(file)) {
      return content.stream(() -> new ByteArrayInputStream(new byte[0])).build();
    }
    return content.stream(() -> CodeBean.open(file)).build();
  }

  public List<String> getInstances() {
    return page.getInstances().stream().map(ServiceBean.InstanceRow::name).toList();
  }

  public List<String> getStreams() {
    return List.of("stdout", "stderr");
  }

  public String getInstance() {
    return instance;
  }

  public void setInstance(String instance) {
    this.instance = instance;
  }

  public String getStream() {
    return stream;
  }

  public void setStream(String stream) {
    this.stream = InstanceLogs.STREAMS.contains(stream) ? stream : "stdout";
  }

  public int getLines() {
    return lines;
  }

  public void setLines(int lines) {
    this.lines = lines;
  }

  public boolean isFollow() {
    return follow;
  }

  public void setFollow(boolean follow) {
    this.follow = follow;
  }

  public String getText() {
    if (text.isEmpty() && instance == null) {
      show();
    }
    return text;
  }
}
