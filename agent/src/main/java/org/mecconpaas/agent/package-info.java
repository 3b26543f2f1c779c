/**
 * The node agent that runs on every edge board: enrollment, heartbeats, container runtimes and the
 * access-point router. Built out in the edge agent issue; the module exists so the build layout is
 * complete from the start.
 */
package org.mecconpaas.agent;
