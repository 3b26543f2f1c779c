package org.mecconpaas.agent.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One sample of the node's load.
 *
 * @param cpuLoad 1-minute load average divided by the number of CPUs: 1.0 means fully busy
 * @param netRxBytes bytes received on all interfaces but loopback since boot
 * @param netTxBytes bytes sent on all interfaces but loopback since boot
 */
public record NodeMetrics(
    double cpuLoad,
    long memoryUsedMiB,
    long memoryTotalMiB,
    long diskFreeMiB,
    long netRxBytes,
    long netTxBytes) {

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("cpuLoad", Math.round(cpuLoad * 100) / 100.0);
    json.put("memoryUsedMiB", memoryUsedMiB);
    json.put("memoryTotalMiB", memoryTotalMiB);
    json.put("diskFreeMiB", diskFreeMiB);
    json.put("netRxBytes", netRxBytes);
    json.put("netTxBytes", netTxBytes);
    return json;
  }
}
