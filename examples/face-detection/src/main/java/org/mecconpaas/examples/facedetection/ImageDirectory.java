package org.mecconpaas.examples.facedetection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** A directory of image files, taken as frames in the order of their names. */
final class ImageDirectory implements FrameSource {

  private static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".bmp");

  private final List<Path> images;

  private ImageDirectory(List<Path> images) {
    this.images = images;
  }

  static ImageDirectory open(Path directory) {
    List<Path> images = list(directory);
    if (images.isEmpty()) {
      throw new IllegalArgumentException(
          "no images in " + directory + " (looked for " + String.join(", ", EXTENSIONS) + ")");
    }
    return new ImageDirectory(images);
  }

  @Override
  public int forEachFrame(FrameConsumer consumer) throws IOException {
    for (int i = 0; i < images.size(); i++) {
      consumer.accept(new Frame(i, Files.readAllBytes(images.get(i))));
    }
    return images.size();
  }

  private static List<Path> list(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(Files::isRegularFile).filter(ImageDirectory::isImage).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }

  private static boolean isImage(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return EXTENSIONS.stream().anyMatch(name::endsWith);
  }
}
