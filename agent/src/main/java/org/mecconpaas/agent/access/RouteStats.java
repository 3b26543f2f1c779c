package org.mecconpaas.agent.access;

/**
 * What one route of the access-point router has done since it started listening.
 *
 * @param connections accepted and relayed (or tried to)
 * @param open connections relayed now
 * @param refused turned away at the cap
 * @param unreachable connections no target accepted
 * @param bytesUp client to target
 * @param bytesDown target to client
 */
record RouteStats(
    String service,
    int port,
    long connections,
    int open,
    long refused,
    long unreachable,
    long bytesUp,
    long bytesDown) {}
