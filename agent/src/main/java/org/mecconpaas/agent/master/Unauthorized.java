package org.mecconpaas.agent.master;

/** 401: the join token or the node credential is not (or no longer) accepted. */
public class Unauthorized extends MasterRejected {
  private static final long serialVersionUID = 1L;

  public Unauthorized(String message) {
    super(401, message);
  }
}
