package org.mecconpaas.examples.facedetection;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;

/**
 * Walks the chunks of a RIFF file (AVI is one): {@code RIFF} and {@code LIST} chunks hold a type
 * and nested chunks, every other chunk holds data; sizes are little-endian and bodies are padded to
 * an even length. Chunks are visited in file order without reading their data.
 */
final class RiffWalker {

  /** What the walk does with each chunk. */
  interface Visitor {
    /** Whether to visit the chunks of a {@code RIFF} or {@code LIST} chunk of this type. */
    boolean enterList(String type);

    /** A data chunk whose {@code size} bytes start at {@code offset} in {@code in}. */
    void chunk(RandomAccessFile in, String id, long offset, int size) throws IOException;
  }

  private RiffWalker() {}

  static void walk(RandomAccessFile in, long from, long to, Visitor visitor) throws IOException {
    long position = from;
    while (position + 8 <= to) {
      in.seek(position);
      String id = fourcc(in);
      long size = Integer.toUnsignedLong(Integer.reverseBytes(in.readInt()));
      long body = position + 8;
      if (body + size > to) {
        throw new IOException("chunk '" + id + "' at byte " + position + " runs past its end");
      }
      if (id.equals("RIFF") || id.equals("LIST")) {
        if (size >= 4 && visitor.enterList(fourcc(in))) {
          walk(in, body + 4, body + size, visitor);
        }
      } else if (size > Integer.MAX_VALUE) {
        throw new IOException("chunk '" + id + "' at byte " + position + " is too large");
      } else {
        visitor.chunk(in, id, body, (int) size);
      }
      position = body + size + (size & 1);
    }
  }

  /** Reads a four-character code at the current position. */
  static String fourcc(RandomAccessFile in) throws IOException {
    byte[] code = new byte[4];
    in.readFully(code);
    return new String(code, StandardCharsets.ISO_8859_1);
  }
}
