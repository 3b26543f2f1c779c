package org.mecconpaas.manager.domain.model.service;

import org.mecconpaas.catalog.CodeFormat;

/**
 * A checked archive on the master's disk, not yet registered as a code version.
 *
 * @param fileName the name the developer uploaded it under
 * @param storagePath path relative to the code store's root
 */
public record StoredArchive(
    String fileName, CodeFormat format, long sizeBytes, String sha256, String storagePath) {}
