/**
 * Jakarta Security for the master: bearer tokens for the API and the CLI, a session for the portal,
 * and the request-scoped {@link org.mecconpaas.portal.interfaces.security.CurrentCaller} that
 * resources ask who is calling.
 */
package org.mecconpaas.portal.interfaces.security;
