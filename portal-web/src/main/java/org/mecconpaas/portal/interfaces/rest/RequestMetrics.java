package org.mecconpaas.portal.interfaces.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts API responses per status class, for the metrics endpoint. */
@Provider
public class RequestMetrics implements ContainerResponseFilter {
  private static final Map<String, LongAdder> BY_STATUS = new ConcurrentHashMap<>();

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    BY_STATUS.computeIfAbsent(response.getStatus() / 100 + "xx", k -> new LongAdder()).increment();
  }

  static Map<String, Long> snapshot() {
    Map<String, Long> counts = new TreeMap<>();
    BY_STATUS.forEach((status, adder) -> counts.put(status, adder.sum()));
    return counts;
  }
}
