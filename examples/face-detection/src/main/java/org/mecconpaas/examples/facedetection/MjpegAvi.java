package org.mecconpaas.examples.facedetection;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * An AVI file whose video stream is Motion JPEG. Each video chunk of its {@code movi} lists is a
 * complete JPEG image, which is handed on as it is: decoding is left to the detectors. OpenCV for
 * Java is built without FFmpeg, so MJPEG AVI is the only video format it could read anyway; other
 * codecs are refused with the command that converts them.
 */
final class MjpegAvi implements FrameSource {

  private final Path file;
  private final String videoChunkPrefix;

  private MjpegAvi(Path file, int videoStream) {
    this.file = file;
    this.videoChunkPrefix = String.format("%02d", videoStream);
  }

  /**
   * Reads the headers of {@code file}.
   *
   * @throws IllegalArgumentException when it is not an AVI file or its video is not Motion JPEG
   */
  static MjpegAvi open(Path file) {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      if (in.length() < 12 || !"RIFF".equals(RiffWalker.fourcc(in))) {
        throw notAvi(file);
      }
      in.skipBytes(4);
      if (!"AVI ".equals(RiffWalker.fourcc(in))) {
        throw notAvi(file);
      }
      StreamHeaders headers = new StreamHeaders();
      RiffWalker.walk(in, 0, in.length(), headers);
      if (headers.videoStream < 0) {
        throw new IllegalArgumentException(file + " is an AVI file without a video stream");
      }
      if (!"MJPG".equalsIgnoreCase(headers.videoCodec)) {
        throw new IllegalArgumentException(
            file
                + " is an AVI video in "
                + describe(headers.videoCodec)
                + ", not Motion JPEG (MJPG), the only codec this job reads; convert it with:"
                + " ffmpeg -i INPUT -an -c:v mjpeg -q:v 5 OUTPUT.avi");
      }
      return new MjpegAvi(file, headers.videoStream);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public int forEachFrame(FrameConsumer consumer) throws IOException {
    int[] count = {0};
    RiffWalker.Visitor frames =
        new RiffWalker.Visitor() {
          @Override
          public boolean enterList(String type) {
            return switch (type) {
              case "AVI ", "AVIX", "movi", "rec " -> true;
              default -> false;
            };
          }

          @Override
          public void chunk(RandomAccessFile in, String id, long offset, int size)
              throws IOException {
            if (size > 0 && isVideoChunk(id)) {
              byte[] image = new byte[size];
              in.seek(offset);
              in.readFully(image);
              consumer.accept(new Frame(count[0]++, image));
            }
          }
        };
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      RiffWalker.walk(in, 0, in.length(), frames);
    }
    return count[0];
  }

  private boolean isVideoChunk(String id) {
    return id.startsWith(videoChunkPrefix) && (id.endsWith("dc") || id.endsWith("db"));
  }

  private static IllegalArgumentException notAvi(Path file) {
    return new IllegalArgumentException(
        file + " is not a video: the input must be an MJPEG AVI file or a directory of images");
  }

  private static String describe(String fourcc) {
    boolean printable = !fourcc.isEmpty() && fourcc.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    return printable ? "'" + fourcc.strip() + "'" : "an unknown or uncompressed format";
  }

  /** Finds the first video stream among the {@code strl} lists of {@code hdrl}, and its codec. */
  private static final class StreamHeaders implements RiffWalker.Visitor {
    private int stream = -1;
    private int videoStream = -1;
    private String videoCodec = "";

    @Override
    public boolean enterList(String type) {
      if (type.equals("strl")) {
        stream++;
      }
      return switch (type) {
        case "AVI ", "hdrl", "strl" -> true;
        default -> false;
      };
    }

    @Override
    public void chunk(RandomAccessFile in, String id, long offset, int size) throws IOException {
      if (id.equals("strh") && size >= 4 && videoStream < 0) {
        in.seek(offset);
        if (RiffWalker.fourcc(in).equals("vids")) {
          videoStream = stream;
        }
      } else if (id.equals("strf") && stream == videoStream && size >= 20) {
        in.seek(offset + 16); // biCompression of the BITMAPINFOHEADER
        videoCodec = RiffWalker.fourcc(in);
      }
    }
  }
}
