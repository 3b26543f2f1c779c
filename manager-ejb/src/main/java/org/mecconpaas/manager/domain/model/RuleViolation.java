package org.mecconpaas.manager.domain.model;

import java.util.List;

/**
 * Well-formed input that breaks a rule of the domain: an unknown service type, role counts out of
 * bounds, an archive that is not what it claims. Carries one message per offending field.
 */
public class RuleViolation extends DomainException {
  private static final long serialVersionUID = 1L;

  /** One rule broken by one field of the request. */
  public record FieldError(String field, String message) {}

  private final transient List<FieldError> errors;

  public RuleViolation(String message, List<FieldError> errors) {
    super(message);
    this.errors = List.copyOf(errors);
  }

  public RuleViolation(String field, String message) {
    this(message, List.of(new FieldError(field, message)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
