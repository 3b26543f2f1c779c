package org.mecconpaas.manager.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Tells node agents at once that their heartbeat reply would say something new, instead of at their
 * next beat. The master cannot call its agents (a board may sit behind NAT), so each agent keeps
 * one long poll open ({@code GET /agent/v1/wake?since=N}); a wake answers it with the node's new
 * version and the agent beats right away. Without this every hop of a migration (the access point
 * learning its new stations, the destination learning its new instance, the routers learning the
 * switch) waited up to a whole heartbeat interval.
 *
 * <p>A node's version is the number of wakes of all nodes plus those of that node alone, so it only
 * grows, also for a node that was not waiting when everyone was woken. Versions live in memory:
 * after a master restart they start from 0 again, and an agent that polls with any other version
 * than the current one is answered at once, so it simply beats once more.
 */
@ApplicationScoped
public class AgentWakeups {
  private final Map<String, Long> ownWakes = new HashMap<>();
  private final Map<String, List<LongConsumer>> waiting = new HashMap<>();
  private long allWakes;

  private long version(String node) {
    return allWakes + ownWakes.getOrDefault(node, 0L);
  }

  /**
   * Answers {@code answer} with the node's version now if it differs from {@code since}, else when
   * the node is next woken. The caller must {@link #forget} it when it stops waiting (a timeout).
   */
  public void await(String node, long since, LongConsumer answer) {
    long now;
    synchronized (this) {
      now = version(node);
      if (now == since) {
        waiting.computeIfAbsent(node, n -> new ArrayList<>()).add(answer);
        return;
      }
    }
    answer.accept(now);
  }

  /** Drops a waiter that gave up; its answer is not called any more. */
  public synchronized void forget(String node, LongConsumer answer) {
    List<LongConsumer> list = waiting.get(node);
    if (list != null) {
      list.remove(answer);
      if (list.isEmpty()) {
        waiting.remove(node);
      }
    }
  }

  /** The nodes' heartbeat replies changed: their agents should beat now. */
  public void wake(Collection<String> nodes) {
    Map<LongConsumer, Long> answers = new HashMap<>();
    synchronized (this) {
      for (String node : nodes) {
        ownWakes.merge(node, 1L, Long::sum);
        answerWaiting(node, answers);
      }
    }
    answers.forEach(LongConsumer::accept);
  }

  /** Something every node's reply carries changed (desired instances, routes): wake them all. */
  public void wakeAll() {
    Map<LongConsumer, Long> answers = new HashMap<>();
    synchronized (this) {
      allWakes++;
      new ArrayList<>(waiting.keySet()).forEach(node -> answerWaiting(node, answers));
    }
    // outside the lock: an answer writes to a network connection
    answers.forEach(LongConsumer::accept);
  }

  private void answerWaiting(String node, Map<LongConsumer, Long> answers) {
    List<LongConsumer> list = waiting.remove(node);
    if (list != null) {
      long version = version(node);
      list.forEach(a -> answers.put(a, version));
    }
  }

  /** How many agents wait now (for tests and the operators' view). */
  public synchronized int waitingCount() {
    return waiting.values().stream().mapToInt(List::size).sum();
  }
}
