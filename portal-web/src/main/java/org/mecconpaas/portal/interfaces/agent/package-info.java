/**
 * The agent protocol {@code /agent/v1} (docs/agent-protocol.md): enrollment, heartbeats and bundle
 * downloads for node agents, authenticated with join tokens and node credentials rather than user
 * tokens.
 */
package org.mecconpaas.portal.interfaces.agent;
