/**
 * Edge nodes (boards or emulated boards) with their position and capacity, and the one-time
 * enrollment tokens a new node exchanges for its own credential.
 */
package org.mecconpaas.manager.domain.model.node;
