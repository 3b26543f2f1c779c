package org.mecconpaas.cli.client;

/** One entry of a problem's {@code errors}: which request field was wrong and why. */
public record FieldError(String field, String message) {}
