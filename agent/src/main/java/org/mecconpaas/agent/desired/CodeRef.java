package org.mecconpaas.agent.desired;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mecconpaas.agent.json.JsonMap;
import org.mecconpaas.catalog.CodeFormat;

/**
 * Where the instance's code bundle is and what it must hash to.
 *
 * @param version increases with every upload; init.sh runs once per version
 * @param sha256 lower-case hex digest the downloaded archive must have
 * @param path path on the master, e.g. {@code /agent/v1/bundles/12/2}
 * @param format archive format
 */
public record CodeRef(int version, String sha256, String path, CodeFormat format) {

  public static CodeRef fromJson(JsonMap json) {
    String label = json.string("format");
    CodeFormat format =
        java.util.Arrays.stream(CodeFormat.values())
            .filter(f -> f.label().equals(label))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown code format '" + label + "'"));
    return new CodeRef(
        json.intValue("version", 0), json.string("sha256"), json.string("path"), format);
  }

  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("version", version);
    json.put("sha256", sha256);
    json.put("path", path);
    json.put("format", format.label());
    return json;
  }

  /** Identifies exactly this archive: a new upload under the same version still differs. */
  public String key() {
    return version + ":" + sha256.toLowerCase(java.util.Locale.ROOT);
  }
}
