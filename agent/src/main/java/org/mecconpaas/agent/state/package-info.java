/**
 * What the agent keeps on disk between starts: the node credential (mode 0600), and per instance
 * which code version is unpacked, whether its init.sh ran, which commands were handled and which
 * script processes it started. This is what lets a restarted agent adopt running containers and
 * scripts instead of recreating them.
 */
package org.mecconpaas.agent.state;
