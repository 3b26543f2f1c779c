package org.mecconpaas.agent;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mecconpaas.agent.access.AccessPoint;
import org.mecconpaas.agent.desired.DesiredStateStore;
import org.mecconpaas.agent.logs.LogChunk;
import org.mecconpaas.agent.logs.LogOffsetStore;
import org.mecconpaas.agent.logs.LogReader;
import org.mecconpaas.agent.master.HeartbeatReply;
import org.mecconpaas.agent.master.MasterClient;
import org.mecconpaas.agent.master.Unauthorized;
import org.mecconpaas.agent.metrics.MetricsReader;
import org.mecconpaas.agent.reconcile.Reconciler;
import org.mecconpaas.agent.report.InstanceReport;
import org.mecconpaas.agent.state.InstanceStateStore;

/**
 * Reports the node's full state every interval and hands the reply's desired state to the
 * reconciler. When the master cannot be reached it retries with a doubling delay of at most 10 s
 * and changes nothing on the node: the reconciler keeps running the last desired state.
 */
final class HeartbeatLoop {
  private static final Logger LOG = Logger.getLogger(HeartbeatLoop.class.getName());
  static final long MAX_RETRY_MILLIS = 10_000;

  private final MasterClient master;
  private final String credential;
  private final Reconciler reconciler;
  private final DesiredStateStore desiredStore;
  private final LogOffsetStore offsets;
  private final InstanceStateStore instances;
  private final MetricsReader metrics;
  private final Long fixedInterval;
  private final BeatPause pause;
  private final MasterWakeWatch wakeWatch;
  private long interval;

  /** How often the wait between beats looks for instances that changed phase. */
  static final long EARLY_CHECK_MILLIS = 200;

  private Map<String, String> lastPhases = Map.of();
  private Set<Object> lastClients = Set.of();
  private int failures;

  private final AccessPoint accessPoint;

  HeartbeatLoop(
      MasterClient master,
      String credential,
      Reconciler reconciler,
      DesiredStateStore desiredStore,
      LogOffsetStore offsets,
      InstanceStateStore instances,
      MetricsReader metrics,
      AccessPoint accessPoint,
      long initialInterval,
      Long fixedInterval,
      BeatPause pause,
      MasterWakeWatch wakeWatch) {
    this.accessPoint = accessPoint;
    this.master = master;
    this.credential = credential;
    this.reconciler = reconciler;
    this.desiredStore = desiredStore;
    this.offsets = offsets;
    this.instances = instances;
    this.metrics = metrics;
    this.fixedInterval = fixedInterval;
    this.pause = pause;
    this.wakeWatch = wakeWatch;
    this.interval = fixedInterval != null ? fixedInterval : initialInterval;
  }

  /** Beats until stopped; a rejected credential ends the agent. */
  void run() throws AgentExit {
    do {
      beat();
    } while (awaitNextBeat());
  }

  /**
   * Waits for the next beat, but cuts the wait short when there is news: an instance changed phase
   * (created, running, failed), the reply just put other stations on the access point (emulation),
   * or the master's long poll says this node's reply changed. Each would otherwise wait up to one
   * interval, and a migration takes several such hops between master and nodes.
   */
  private boolean awaitNextBeat() {
    long delay = nextDelay();
    if (failures > 0) {
      return backOff(delay);
    }
    if (!clientIds(accessPoint.clients()).equals(lastClients)) {
      return true;
    }
    wakeWatch.ensurePolling();
    for (long waited = 0; waited < delay; waited += EARLY_CHECK_MILLIS) {
      if (!pause.sleep(Math.min(EARLY_CHECK_MILLIS, delay - waited))) {
        return false;
      }
      if (pause.takeNews() || !phases().equals(lastPhases)) {
        return true;
      }
      wakeWatch.ensurePolling();
    }
    return true;
  }

  /**
   * While the master cannot be reached the whole back-off is waited: news would only make the agent
   * knock sooner on a door that is shut (and news left standing would end every wait at once).
   */
  private boolean backOff(long delay) {
    long deadline = System.nanoTime() + delay * 1_000_000;
    for (long left = delay; left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
      if (!pause.sleep(left)) {
        return false;
      }
      pause.takeNews();
    }
    return true;
  }

  private Map<String, String> phases() {
    Map<String, String> phases = new LinkedHashMap<>();
    reconciler.reports().forEach(r -> phases.put(r.id(), r.phase().name()));
    return phases;
  }

  private void beat() throws AgentExit {
    Set<String> reported = new LinkedHashSet<>();
    try {
      Map<String, String> sent = phases();
      HeartbeatReply reply = master.heartbeat(credential, report(reported));
      lastPhases = sent;
      apply(reply, reported);
      if (failures > 0) {
        LOG.info("master reachable again after " + failures + " failed heartbeats");
      }
      failures = 0;
    } catch (Unauthorized e) {
      throw new AgentExit(
          AgentExit.UNAUTHORIZED,
          "the master no longer accepts this node's credential (revoked?); containers are left"
              + " running. "
              + e.getMessage());
    } catch (IOException | RuntimeException e) {
      if (failures == 0) {
        LOG.warning("heartbeat failed, keeping the last desired state and retrying: " + e);
      } else {
        LOG.fine("heartbeat failed again: " + e);
      }
      failures++;
    }
  }

  /** The full report; {@code reported} receives the ids it covers. */
  Map<String, Object> report(Set<String> reported) {
    List<Map<String, Object>> instanceJson = new ArrayList<>();
    for (InstanceReport instance : reconciler.reports()) {
      LogOffsetStore.Offsets acked = offsets.get(instance.id());
      instanceJson.add(
          instance.toJson(
              chunk(instances.stdout(instance.id()), acked.stdout()),
              chunk(instances.stderr(instance.id()), acked.stderr())));
      reported.add(instance.id());
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("metrics", metrics.sample().toJson());
    report.put("instances", instanceJson);
    List<Map<String, Object>> clients = accessPoint.clients();
    lastClients = clientIds(clients);
    report.put("clients", clients);
    return report;
  }

  private void apply(HeartbeatReply reply, Set<String> reported) {
    try {
      // on disk first: an agent that dies right after this still knows what to run
      desiredStore.save(reply.desired());
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot save the desired state: " + e.getMessage());
    }
    reconciler.desire(reply.desired());
    accessPoint.apply(reply.accessPoint());
    try {
      offsets.update(reply.logOffsets(), reported);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "cannot save log offsets: " + e.getMessage());
    }
    if (fixedInterval == null && reply.heartbeatIntervalMillis() >= 100) {
      interval = reply.heartbeatIntervalMillis();
    }
  }

  /** Only who is there: a station's other fields (its join time from hostapd) may jitter. */
  private static Set<Object> clientIds(List<Map<String, Object>> clients) {
    Set<Object> ids = new java.util.HashSet<>();
    clients.forEach(c -> ids.add(c.get("id")));
    return ids;
  }

  private long nextDelay() {
    if (failures == 0) {
      return interval;
    }
    long delay = interval << Math.min(failures - 1, 16);
    return Math.min(delay, Math.max(interval, MAX_RETRY_MILLIS));
  }

  private static LogChunk chunk(java.nio.file.Path file, long offset) {
    try {
      return LogReader.read(file, offset, LogReader.MAX_CHUNK_BYTES);
    } catch (IOException e) {
      return LogChunk.empty(offset);
    }
  }
}
