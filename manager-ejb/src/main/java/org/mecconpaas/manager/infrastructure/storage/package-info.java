/**
 * Code bundles on the master's disk: streamed in under a size limit while hashed, inspected for
 * what could harm a node when unpacked, then kept under the data directory.
 */
package org.mecconpaas.manager.infrastructure.storage;
