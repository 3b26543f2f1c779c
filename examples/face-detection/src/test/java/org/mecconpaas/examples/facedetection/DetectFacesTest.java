package org.mecconpaas.examples.facedetection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The function as Flink ships it to a TaskManager: serialized, then opened there. */
class DetectFacesTest {

  @Test
  void travelsAsAFractionOfTheCascadeAndDetectsAfterTheTrip() throws Exception {
    byte[] cascade = TestData.cascade();
    byte[] shipped = serialize(new DetectFaces(cascade));
    assertTrue(
        shipped.length < cascade.length / 5,
        "serialized " + shipped.length + " bytes for a " + cascade.length + " byte cascade");

    DetectFaces received = deserialize(shipped);
    received.open(null);
    byte[] photo = Files.readAllBytes(TestData.stills("positive").resolve("messi5.jpg"));
    DetectedFrame detected = received.map(new Frame(7, photo));
    assertEquals(7, detected.count().index());
    assertEquals(2, detected.count().faces(), "the two players FaceDetectorTest finds");
  }

  private static byte[] serialize(Object object) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(object);
    }
    return bytes.toByteArray();
  }

  private static DetectFaces deserialize(byte[] bytes) throws Exception {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return (DetectFaces) in.readObject();
    }
  }
}
