package org.mecconpaas.agent.state;

/**
 * What enrollment gave the node. The credential is a secret: {@link #toString} leaves it out so it
 * never reaches a log.
 *
 * @param node the node's name on the master
 * @param credential the bearer token for heartbeats and bundle downloads
 * @param master the master URL enrolled with, used when {@code --master} is not given again
 */
public record Credential(String node, String credential, String master) {
  @Override
  public String toString() {
    return "Credential[node=" + node + ", master=" + master + "]";
  }
}
