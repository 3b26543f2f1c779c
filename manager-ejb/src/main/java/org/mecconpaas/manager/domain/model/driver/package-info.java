/**
 * The cloud driver SPI: how the reconcile loop asks an infrastructure for containers. One portable
 * status enum; each driver maps its provider's states onto it, unknown ones to {@code
 * UNRECOGNIZED}. {@code EdgeAgentDriver} is the default; an OpenStack driver comes later.
 */
package org.mecconpaas.manager.domain.model.driver;
