package org.mecconpaas.manager.domain.model;

/**
 * Middleware a service runs did not answer, or answered with an error of its own (e.g. a Flink
 * JobManager that is not up yet): the request may succeed later.
 */
public class UpstreamUnavailable extends DomainException {
  private static final long serialVersionUID = 1L;

  public UpstreamUnavailable(String message) {
    super(message);
  }
}
