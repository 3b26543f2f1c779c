package org.mecconpaas.cli.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reports every byte read to a {@link TransferListener}. Jersey pulls the upload through this
 * stream while it writes the chunked request, so bytes read are bytes sent (give or take the socket
 * buffer), without keeping the file in memory.
 */
public final class CountingInputStream extends FilterInputStream {

  private final TransferListener listener;
  private long count;

  public CountingInputStream(InputStream in, TransferListener listener) {
    super(in);
    this.listener = listener;
  }

  public long count() {
    return count;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      advance(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      advance(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    if (skipped > 0) {
      advance(skipped);
    }
    return skipped;
  }

  // mark/reset would make the count lie, and nothing here needs them.
  @Override
  public boolean markSupported() {
    return false;
  }

  private void advance(long n) {
    count += n;
    listener.progressed(count);
  }
}
