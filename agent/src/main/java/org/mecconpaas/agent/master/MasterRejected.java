package org.mecconpaas.agent.master;

import java.io.IOException;

/** The master answered with an error status; the message carries its problem detail. */
public class MasterRejected extends IOException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public MasterRejected(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
