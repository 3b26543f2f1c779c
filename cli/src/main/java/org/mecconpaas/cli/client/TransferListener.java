package org.mecconpaas.cli.client;

/**
 * Hears how far an upload or download has got, so the command can draw progress without the client
 * knowing about terminals.
 */
public interface TransferListener {

  /** Called once before the first byte; {@code totalBytes} is -1 when the size is unknown. */
  void started(String fileName, long totalBytes);

  /** Called as bytes go through, with the running total. */
  void progressed(long bytesSoFar);

  /** The transfer and the master's answer both succeeded. */
  void completed(long totalBytes);

  /** The transfer stopped early; an error message follows. */
  void aborted();

  TransferListener SILENT =
      new TransferListener() {
        @Override
        public void started(String fileName, long totalBytes) {}

        @Override
        public void progressed(long bytesSoFar) {}

        @Override
        public void completed(long totalBytes) {}

        @Override
        public void aborted() {}
      };
}
