package org.mecconpaas.agent.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed JSON object with typed getters. A wrong or missing required field throws {@link
 * IllegalArgumentException} naming the field, so a malformed reply is reported, not crashed on.
 */
public final class JsonMap {
  private final Map<String, Object> fields;

  public JsonMap(Map<String, Object> fields) {
    this.fields = fields == null ? Map.of() : fields;
  }

  public boolean has(String key) {
    return fields.get(key) != null;
  }

  public String string(String key) {
    Object value = require(key);
    if (!(value instanceof String s)) {
      throw wrongType(key, "a string");
    }
    return s;
  }

  /** The string, or {@code fallback} when the field is absent or null. */
  public String string(String key, String fallback) {
    return has(key) ? string(key) : fallback;
  }

  public long longValue(String key) {
    Object value = require(key);
    if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw wrongType(key, "an integer");
    }
    return n.longValue();
  }

  public long longValue(String key, long fallback) {
    return has(key) ? longValue(key) : fallback;
  }

  public int intValue(String key, int fallback) {
    long value = longValue(key, fallback);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw wrongType(key, "a 32-bit integer");
    }
    return (int) value;
  }

  /** Integer field that may be null; null stays null. */
  public Integer optionalInt(String key) {
    return has(key) ? intValue(key, 0) : null;
  }

  public double doubleValue(String key, double fallback) {
    if (!has(key)) {
      return fallback;
    }
    if (!(fields.get(key) instanceof Number n)) {
      throw wrongType(key, "a number");
    }
    return n.doubleValue();
  }

  public boolean bool(String key, boolean fallback) {
    if (!has(key)) {
      return fallback;
    }
    if (!(fields.get(key) instanceof Boolean b)) {
      throw wrongType(key, "true or false");
    }
    return b;
  }

  /** The nested object, or an empty one when absent. */
  public JsonMap object(String key) {
    Object value = fields.get(key);
    if (value == null) {
      return new JsonMap(Map.of());
    }
    return new JsonMap(asMap(key, value));
  }

  /** The nested objects of an array field; an absent field is an empty list. */
  public List<JsonMap> objects(String key) {
    Object value = fields.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw wrongType(key, "an array");
    }
    List<JsonMap> result = new ArrayList<>(list.size());
    for (Object item : list) {
      result.add(new JsonMap(asMap(key, item)));
    }
    return result;
  }

  /** A string-to-string object such as {@code env}; non-string values are written as text. */
  public Map<String, String> stringMap(String key) {
    Map<String, String> result = new LinkedHashMap<>();
    object(key).fields.forEach((k, v) -> result.put(k, v == null ? null : String.valueOf(v)));
    return Collections.unmodifiableMap(result);
  }

  public java.util.Set<String> keys() {
    return fields.keySet();
  }

  private Object require(String key) {
    Object value = fields.get(key);
    if (value == null) {
      throw new IllegalArgumentException("missing field '" + key + "'");
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(String key, Object value) {
    if (!(value instanceof Map<?, ?>)) {
      throw wrongType(key, "an object");
    }
    return (Map<String, Object>) value;
  }

  private static IllegalArgumentException wrongType(String key, String expected) {
    return new IllegalArgumentException("field '" + key + "' must be " + expected);
  }
}
