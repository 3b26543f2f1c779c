package org.mecconpaas.cli.client;

import java.nio.file.Path;

/** Where a download was written and how many bytes it had. */
public record DownloadedFile(Path path, long bytes) {}
