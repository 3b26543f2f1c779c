package org.mecconpaas.portal.interfaces.rest;

import org.mecconpaas.manager.domain.model.MalformedRequest;

/**
 * Checks on request bodies. Bean Validation annotations are not used on the API because Payara's
 * OpenAPI generator fails on them (NullPointerException in its bean-validation visitor); the domain
 * validates every field instead and names the field in its answer.
 */
final class RequestBodies {
  private RequestBodies() {}

  static <T> T required(T body) {
    if (body == null) {
      throw new MalformedRequest("this request needs a JSON body");
    }
    return body;
  }
}
