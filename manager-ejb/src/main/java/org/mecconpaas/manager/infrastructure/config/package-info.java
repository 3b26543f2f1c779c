/** Typed holders for the master's MicroProfile Config settings, with their defaults. */
package org.mecconpaas.manager.infrastructure.config;
