package org.mecconpaas.manager.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.mecconpaas.manager.domain.model.MalformedRequest;
import org.mecconpaas.manager.domain.model.ResourceNotFound;
import org.mecconpaas.manager.domain.model.client.ClientAssociation;
import org.mecconpaas.manager.domain.model.client.MobileClient;
import org.mecconpaas.manager.infrastructure.persistence.ClientRepository;

/**
 * Reading the mobile clients and their histories. Clients are devices on the campus, not any
 * tenant's data: every signed-in user may read them (developers to see where their users are),
 * nobody may change them through the API; only the access points' reports do.
 */
@ApplicationScoped
@Transactional
public class ClientDirectory {
  static final int MAX_PAGE_SIZE = 500;

  private ClientRepository clients;

  protected ClientDirectory() {}

  @Inject
  public ClientDirectory(ClientRepository clients) {
    this.clients = clients;
  }

  /** All clients by id; {@code caller} only has to be signed in. */
  public Page<MobileClient> list(Caller caller, int page, int size) {
    checkPage(page, size);
    return clients.page(page, size);
  }

  public MobileClient get(Caller caller, String id) {
    return clients.byId(id).orElseThrow(() -> new ResourceNotFound("client " + id + " not found"));
  }

  /** The client's associations, newest first. */
  public Page<ClientAssociation> history(Caller caller, String id, int page, int size) {
    checkPage(page, size);
    return clients.history(get(caller, id), page, size);
  }

  private static void checkPage(int page, int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE || (long) page * size > Integer.MAX_VALUE) {
      throw new MalformedRequest("page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE);
    }
  }
}
