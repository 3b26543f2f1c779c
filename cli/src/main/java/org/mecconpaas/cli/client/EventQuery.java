package org.mecconpaas.cli.client;

/** Filters and paging of {@code GET /events}; {@code null} fields are not sent. */
public record EventQuery(String application, String service, Integer page, Integer size) {}
