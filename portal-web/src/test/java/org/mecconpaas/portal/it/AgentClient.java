package org.mecconpaas.portal.it;

import java.net.URI;

/** The agent protocol seen from a node: same HTTP, another root and node credentials. */
final class AgentClient {
  private final URI base;

  AgentClient(ApiClient api) {
    this.base = api.base();
  }

  ApiClient.Answer post(String path, String json, String credential) {
    return new ApiClient(base.resolve("agent/v1/"), credential, "").post(path, json);
  }
}
