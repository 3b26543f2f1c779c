/**
 * The edge agent driver: instances are provisioned by recording them for their node; the node's
 * agent picks them up with its next heartbeat (agents dial out, the master never calls them).
 */
package org.mecconpaas.manager.infrastructure.edge;
