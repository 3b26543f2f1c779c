/** Cryptography for secrets at rest: PBKDF2 for passwords, SHA-256 for random bearer tokens. */
package org.mecconpaas.manager.infrastructure.security;
