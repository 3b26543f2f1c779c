/**
 * Use cases of the master: accounts and tokens, applications, services and their code, nodes, and
 * the audit trail. Each public method is one transaction and checks that the caller may see what it
 * touches; what the caller may not see is reported as not found.
 */
package org.mecconpaas.manager.application;
