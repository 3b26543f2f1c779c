/**
 * What {@code mec login} remembers between runs: the master's URL, the user name and the bearer
 * token with its id (needed to revoke it at logout). {@link org.mecconpaas.cli.config.ConfigStore}
 * keeps it in {@code config.properties} under {@code ~/.mec} (or {@code $MEC_CONFIG_DIR}), readable
 * by the owner only, because the token is as good as the password until it expires.
 */
package org.mecconpaas.cli.config;
