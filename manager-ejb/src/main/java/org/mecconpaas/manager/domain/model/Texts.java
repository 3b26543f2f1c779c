package org.mecconpaas.manager.domain.model;

/** Text that goes into bounded columns: what callers and agents send is not trusted to fit. */
public final class Texts {
  private Texts() {}

  /** The text itself, or its first {@code max} characters. */
  public static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
