/**
 * Backing beans of the PrimeFaces portal. They hold view state only and call the manager's use
 * cases, as the REST resources do.
 */
package org.mecconpaas.portal.interfaces.web;
