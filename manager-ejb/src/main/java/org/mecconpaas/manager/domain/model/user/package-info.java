/**
 * People who use the platform: accounts with a role and the bearer tokens they hold. Secrets are
 * only ever stored as hashes.
 */
package org.mecconpaas.manager.domain.model.user;
