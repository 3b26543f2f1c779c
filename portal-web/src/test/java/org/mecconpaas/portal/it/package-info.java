/**
 * Arquillian tests of the real WAR on Payara Micro, driven over HTTP like any client: the REST
 * contract, bad input, and tenant isolation.
 */
package org.mecconpaas.portal.it;
