/**
 * The service catalog: every service type the platform can deploy, described by a {@link
 * org.mecconpaas.catalog.ServiceType} (its roles with their bounds, the default start set and the
 * code formats it accepts). Pure Java with no I/O, shared by the master and the node agent.
 */
package org.mecconpaas.catalog;
