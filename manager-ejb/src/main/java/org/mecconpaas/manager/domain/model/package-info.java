/**
 * Domain exceptions shared by all aggregates. Each names what went wrong in the caller's terms; the
 * REST layer maps each kind to one HTTP status and a problem document.
 */
package org.mecconpaas.manager.domain.model;
