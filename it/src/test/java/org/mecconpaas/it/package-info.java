/**
 * End-to-end tests against the real master distribution: {@link org.mecconpaas.it.RunningMaster}
 * starts {@code mec-master} as a child process on a free loopback port with a fresh data directory,
 * and the tests talk to it over HTTP or through the real CLI jar, exactly as a user would.
 */
package org.mecconpaas.it;
