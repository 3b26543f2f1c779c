package org.mecconpaas.portal.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;
import org.mecconpaas.manager.application.PlatformStatistics;
import org.mecconpaas.manager.application.PlatformStatistics.Snapshot;
import org.mecconpaas.portal.interfaces.security.CurrentCaller;

/** Prometheus text format (version 0.0.4) for operators; scrape it with an admin token. */
@Path("metrics")
public class MetricsResource {
  @Inject private PlatformStatistics statistics;
  @Inject private CurrentCaller caller;

  @GET
  @Produces("text/plain; version=0.0.4; charset=utf-8")
  public String metrics() {
    Snapshot s = statistics.snapshot(caller.get());
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    StringBuilder out = new StringBuilder();
    gauge(out, "mec_users", "Accounts.", s.users());
    gauge(out, "mec_applications", "Applications of all users.", s.applications());
    labelled(out, "mec_services", "Services per state.", "state", s.servicesByState());
    labelled(out, "mec_nodes", "Edge nodes per state.", "state", s.nodesByState());
    gauge(out, "mec_code_versions", "Stored code versions.", s.codeVersions());
    gauge(out, "mec_events", "Audit-trail entries.", s.events());
    labelled(
        out,
        "mec_http_responses_total",
        "API responses since start, per status class.",
        "status",
        RequestMetrics.snapshot());
    gauge(out, "jvm_heap_used_bytes", "Heap in use.", memory.getHeapMemoryUsage().getUsed());
    gauge(
        out,
        "jvm_nonheap_used_bytes",
        "Non-heap in use.",
        memory.getNonHeapMemoryUsage().getUsed());
    gauge(
        out,
        "process_uptime_seconds",
        "Seconds since the master started.",
        ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
    return out.toString();
  }

  private static void gauge(StringBuilder out, String name, String help, long value) {
    header(out, name, help);
    out.append(name).append(' ').append(value).append('\n');
  }

  private static void labelled(
      StringBuilder out, String name, String help, String label, Map<String, Long> values) {
    header(out, name, help);
    values.forEach(
        (key, value) ->
            out.append(name)
                .append('{')
                .append(label)
                .append("=\"")
                .append(key)
                .append("\"} ")
                .append(value)
                .append('\n'));
  }

  private static void header(StringBuilder out, String name, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(name.endsWith("_total") ? " counter\n" : " gauge\n");
  }
}
