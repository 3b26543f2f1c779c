/**
 * The emulated edge of the embedded default: the master starts the edge emulator of the agent jar
 * as a separate process (N node agents on this machine) once its API answers. The emulator outlives
 * a master restart, as real boards would; the {@code mec-master} launcher stops it on exit.
 */
package org.mecconpaas.manager.infrastructure.emulation;
