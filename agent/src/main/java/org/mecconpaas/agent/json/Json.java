package org.mecconpaas.agent.json;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reads and writes JSON text; the only class that touches jackson-jr. */
public final class Json {
  // Nulls are written: the protocol reports "message": null and "exitCode": null explicitly.
  private static final JSON WRITER = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);

  private Json() {}

  /** Parses a JSON object; anything else (array, scalar, broken text) is an IOException. */
  public static JsonMap parseObject(byte[] text) throws IOException {
    if (text.length == 0) {
      throw new IOException("empty JSON document");
    }
    try {
      return new JsonMap(JSON.std.mapFrom(text));
    } catch (IOException | RuntimeException e) {
      throw new IOException("not a JSON object: " + e.getMessage(), e);
    }
  }

  public static JsonMap parseObject(String text) throws IOException {
    return parseObject(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes maps, lists, strings, numbers, booleans and nulls. */
  public static String write(Object value) {
    try {
      return WRITER.asString(value);
    } catch (IOException e) {
      // only maps/lists/scalars are ever written, so this is a programming error
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }

  public static byte[] writeBytes(Object value) {
    return write(value).getBytes(StandardCharsets.UTF_8);
  }
}
