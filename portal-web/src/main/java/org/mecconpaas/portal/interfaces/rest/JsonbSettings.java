package org.mecconpaas.portal.interfaces.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * Strict JSON: an unknown field is more likely a typo than something to ignore silently (Yasson's
 * fail-on-unknown-properties), and absent values are left out of answers.
 */
@Provider
public class JsonbSettings implements ContextResolver<Jsonb> {
  private final Jsonb jsonb =
      JsonbBuilder.create(
          new JsonbConfig()
              .withNullValues(false)
              .setProperty("jsonb.fail-on-unknown-properties", true));

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }
}
