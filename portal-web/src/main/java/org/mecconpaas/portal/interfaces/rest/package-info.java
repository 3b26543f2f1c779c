/**
 * The REST API {@code /api/v1}: thin resources that parse a request, call one use case of the
 * manager and map the result to a DTO record. Errors leave through the mappers in {@code problem}.
 */
package org.mecconpaas.portal.interfaces.rest;
