package org.mecconpaas.manager.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.MasterTestSupport;
import org.mecconpaas.manager.domain.model.MalformedRequest;
import org.mecconpaas.manager.domain.model.event.Event;
import org.mecconpaas.manager.domain.model.event.Outcome;

class AuditTrailTest extends MasterTestSupport {
  private Caller admin;
  private Caller alice;
  private Caller bob;

  @BeforeEach
  void twoDevelopersAtWork() {
    admin = master.admin();
    alice = master.developer(admin, "alice");
    bob = master.developer(admin, "bob");
    master.clock.advance(Duration.ofMinutes(1));
    master.run(() -> master.applicationOperations.create(alice, "shop", null));
    master.clock.advance(Duration.ofMinutes(1));
    master.run(() -> master.serviceOperations.create(alice, "shop", "web", "generic", null, null));
    master.clock.advance(Duration.ofMinutes(1));
    master.run(() -> master.serviceOperations.create(alice, "shop", "db", "mysql", null, null));
    master.clock.advance(Duration.ofMinutes(1));
    master.run(() -> master.serviceOperations.start(alice, "shop", "web"));
    master.clock.advance(Duration.ofMinutes(1));
    master.run(() -> master.applicationOperations.create(alice, "blog", null));
    master.clock.advance(Duration.ofMinutes(1));
    master.run(() -> master.applicationOperations.create(bob, "shop", null));
  }

  private Page<Event> list(Caller caller, String app, String service, int page, int size) {
    return master.inTransaction(() -> master.audit.list(caller, app, service, page, size));
  }

  private static List<String> actions(Page<Event> page) {
    return page.items().stream().map(Event::action).toList();
  }

  @Test
  void aDevelopersTrailIsNewestFirstAndOnlyTheirOwn() {
    Page<Event> page = list(alice, null, null, 0, 50);

    assertEquals(
        List.of(
            "application.create",
            "service.state",
            "service.create",
            "service.create",
            "application.create"),
        actions(page));
    assertEquals(5, page.total());
    assertTrue(page.items().stream().allMatch(e -> e.ownerId() == alice.userId()));
    List<Instant> times = page.items().stream().map(Event::occurredAt).toList();
    for (int i = 1; i < times.size(); i++) {
      assertTrue(times.get(i - 1).isAfter(times.get(i)), times.toString());
    }

    Page<Event> bobs = list(bob, null, null, 0, 50);
    assertEquals(List.of("application.create"), actions(bobs));
    assertEquals("bob", bobs.items().get(0).actor());
  }

  @Test
  void anAdminSeesEveryonesEventsAndPlatformEvents() {
    Page<Event> page = list(admin, null, null, 0, 500);

    // 3 user.create (admin by the system, alice and bob by admin), 5 of alice's, 1 of bob's
    assertEquals(9, page.total());
    assertEquals(9, page.items().size());
    assertEquals("bob", page.items().get(0).actor());
    assertEquals(List.of("user.create", "user.create", "user.create"), actions(page).subList(6, 9));
    Event first = page.items().get(8);
    assertEquals("system", first.actor());
    assertEquals(null, first.ownerId());
    assertTrue(first.detail().startsWith("admin"), first.detail());
  }

  @Test
  void pagesSplitTheTrailWithoutOverlap() {
    Page<Event> first = list(alice, null, null, 0, 2);
    Page<Event> second = list(alice, null, null, 1, 2);
    Page<Event> third = list(alice, null, null, 2, 2);
    Page<Event> beyond = list(alice, null, null, 3, 2);

    assertEquals(List.of("application.create", "service.state"), actions(first));
    assertEquals(List.of("service.create", "service.create"), actions(second));
    assertEquals(List.of("application.create"), actions(third));
    assertEquals(List.of(), beyond.items());
    assertEquals(5, beyond.total());
    assertEquals(3, beyond.page());
    assertEquals(2, beyond.size());
    assertEquals("db", second.items().get(0).service());
    assertEquals("web", second.items().get(1).service());
  }

  @Test
  void filtersByApplicationAndService() {
    Page<Event> shop = list(alice, "shop", null, 0, 50);
    assertEquals(4, shop.total());
    assertTrue(shop.items().stream().allMatch(e -> "shop".equals(e.application())));

    Page<Event> web = list(alice, "shop", "web", 0, 50);
    assertEquals(List.of("service.state", "service.create"), actions(web));
    assertEquals("INIT -> PROLOGUE", web.items().get(0).detail());

    Page<Event> anyWeb = list(alice, null, "web", 0, 50);
    assertEquals(2, anyWeb.total());

    assertEquals(1, list(alice, "blog", null, 0, 50).total());
    assertEquals(0, list(alice, "nothing", null, 0, 50).total());
  }

  @Test
  void filtersNeverWidenADevelopersView() {
    // bob also has a "shop": filtering by that name shows him only his own
    Page<Event> page = list(bob, "shop", null, 0, 50);
    assertEquals(1, page.total());
    assertEquals("bob", page.items().get(0).actor());
    assertEquals(0, list(bob, "shop", "web", 0, 50).total());

    // while an admin filtering by name sees both tenants' shops
    assertEquals(5, list(admin, "shop", null, 0, 50).total());
  }

  @Test
  void failuresAreRecordedWithTheirOutcome() {
    master.run(
        () -> master.audit.failure("alice", "service.start", alice.userId(), "shop", "web", "no"));

    Event latest = list(alice, null, null, 0, 1).items().get(0);
    assertEquals(Outcome.FAILURE, latest.outcome());
    assertEquals("no", latest.detail());
  }

  @Test
  void longDetailsAreCutTo2048Characters() {
    master.run(
        () ->
            master.audit.success(
                "alice", "test.long", alice.userId(), null, null, "x".repeat(5000)));
    assertEquals(2048, list(alice, null, null, 0, 1).items().get(0).detail().length());
  }

  @Test
  void aPageFarBeyondTheEndIsEmptyOrMalformedButNeverACrash() {
    try {
      Page<Event> far = list(alice, null, null, 5_000_000, 500);
      assertEquals(List.of(), far.items());
      assertEquals(5, far.total());
    } catch (MalformedRequest expected) {
      // refusing such a page number is fine too
    }
  }

  @Test
  void aFailedLoginWithAnOverlongUsernameIsStillRecorded() {
    String username = "u".repeat(100);
    // what checkPassword records, in its own (REQUIRES_NEW) transaction in the container
    master.run(
        () ->
            master.audit.failure(
                username, "auth.login", null, null, null, "wrong username or password"));

    Event recorded = list(admin, null, null, 0, 1).items().get(0);
    assertEquals("auth.login", recorded.action());
    assertEquals(Outcome.FAILURE, recorded.outcome());
    assertTrue(username.startsWith(recorded.actor()), recorded.actor());
  }

  @Test
  void pageSizesOutsideOneToFiveHundredAreMalformed() {
    assertThrows(MalformedRequest.class, () -> list(alice, null, null, 0, 0));
    assertThrows(MalformedRequest.class, () -> list(alice, null, null, 0, 501));
    assertThrows(MalformedRequest.class, () -> list(alice, null, null, -1, 10));
    assertEquals(5, list(alice, null, null, 0, 500).items().size());
    assertEquals(1, list(alice, null, null, 0, 1).items().size());
  }
}
