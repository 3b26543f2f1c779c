/**
 * RFC 9457 problem documents: every error the API returns, whatever raised it, leaves through one
 * of these mappers as {@code application/problem+json}, without stack traces or class names.
 */
package org.mecconpaas.portal.interfaces.rest.problem;
