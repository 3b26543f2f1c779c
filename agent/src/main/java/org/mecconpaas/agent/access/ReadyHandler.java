package org.mecconpaas.agent.access;

import java.nio.channels.SelectionKey;

/** What a key registered with the router's selector is attached to. */
interface ReadyHandler {

  /** The key's channel is ready; runs on the router's thread, {@code now} from nanoTime. */
  void ready(SelectionKey key, long now);

  /** {@link #ready} failed unexpectedly: give up what can no longer be trusted. */
  void abort();
}
