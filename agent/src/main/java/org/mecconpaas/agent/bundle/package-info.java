/**
 * Code bundles: download with the node credential, SHA-256 check against the desired state, and
 * unpacking of zip, jar, war and tar.gz archives that refuses entries and links escaping the target
 * directory. Nothing from an archive is executed before its checksum matched.
 */
package org.mecconpaas.agent.bundle;
