package org.mecconpaas.manager.domain.model.node;

/** Health of a node as the master sees it. */
public enum NodeState {
  /** Heartbeats arrive on time. */
  UP,
  /** Heartbeats stopped: its instances are re-created elsewhere. */
  DOWN,
  /** Up, but takes no new instances and hands its current ones over. */
  DRAINING
}
