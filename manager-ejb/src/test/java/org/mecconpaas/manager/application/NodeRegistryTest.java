package org.mecconpaas.manager.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mecconpaas.manager.MasterTestSupport;
import org.mecconpaas.manager.MutableClock;
import org.mecconpaas.manager.application.NodeRegistry.IssuedEnrollment;
import org.mecconpaas.manager.domain.model.AccessDenied;
import org.mecconpaas.manager.domain.model.ResourceNotFound;
import org.mecconpaas.manager.domain.model.RuleViolation;
import org.mecconpaas.manager.domain.model.event.Event;
import org.mecconpaas.manager.domain.model.node.EnrollmentToken;
import org.mecconpaas.manager.domain.model.node.Node;
import org.mecconpaas.manager.infrastructure.security.SecretTokens;

class NodeRegistryTest extends MasterTestSupport {
  private Caller admin;
  private Caller alice;

  @BeforeEach
  void accounts() {
    admin = master.admin();
    alice = master.developer(admin, "alice");
  }

  private IssuedEnrollment issue(String nodeName, Integer hours) {
    return master.inTransaction(() -> master.nodeRegistry.issueToken(admin, nodeName, hours));
  }

  @Test
  void aFreshMasterHasNoNodesAndNoTokens() {
    assertEquals(List.of(), master.inTransaction(() -> master.nodeRegistry.list(admin)));
    assertEquals(List.of(), master.inTransaction(() -> master.nodeRegistry.tokens(admin)));
    assertThrows(ResourceNotFound.class, tx(() -> master.nodeRegistry.get(admin, "board-1")));
  }

  @Test
  void aJoinTokenIsShownOnceAndStoredOnlyAsItsDigest() {
    IssuedEnrollment issued = issue("board-1", null);

    assertTrue(issued.secret().startsWith("join_"), issued.secret());
    assertEquals("board-1", issued.token().nodeName());
    assertEquals("admin", issued.token().createdBy());
    assertEquals(MutableClock.START, issued.token().createdAt());
    assertEquals(MutableClock.START.plus(Duration.ofHours(24)), issued.token().expiresAt());
    assertNull(issued.token().usedAt());

    Object[] row =
        (Object[])
            master.inTransaction(
                () ->
                    master
                        .em
                        .createNativeQuery(
                            "SELECT token_hash, node_name, created_by FROM enrollment_tokens"
                                + " WHERE id = ?1")
                        .setParameter(1, issued.token().id())
                        .getSingleResult());
    assertEquals(SecretTokens.digest(issued.secret()), row[0].toString().trim());
    for (Object column : row) {
      assertFalse(column.toString().contains(issued.secret().substring(5)));
    }

    EnrollmentToken found =
        master.inTransaction(
            () -> master.nodes.tokenByHash(SecretTokens.digest(issued.secret())).orElseThrow());
    assertEquals(issued.token().id(), found.id());
    assertTrue(found.isUsableAt(MutableClock.START));
  }

  @Test
  void tokensMayLeaveTheNodeNameOpenAndChooseTheirLifetime() {
    IssuedEnrollment issued = issue(null, 720);

    assertNull(issued.token().nodeName());
    assertEquals(MutableClock.START.plus(Duration.ofHours(720)), issued.token().expiresAt());
    assertEquals(
        List.of(issued.token().id()),
        master.inTransaction(
            () -> master.nodeRegistry.tokens(admin).stream().map(EnrollmentToken::id).toList()));
  }

  @Test
  void eachTokenIsDifferent() {
    IssuedEnrollment first = issue("board-1", null);
    IssuedEnrollment second = issue("board-1", null);
    assertFalse(first.secret().equals(second.secret()));
    assertEquals(2, master.countRows("enrollment_tokens"));
  }

  @Test
  void badNodeNamesAreRefused() {
    for (String name : new String[] {"Board1", "board_1", "", "1board", "b".repeat(64)}) {
      RuleViolation violation =
          assertThrows(
              RuleViolation.class, tx(() -> master.nodeRegistry.issueToken(admin, name, null)));
      assertEquals("nodeName", violation.errors().get(0).field());
    }
    assertEquals(0, master.countRows("enrollment_tokens"));
  }

  @Test
  void lifetimesOutsideOneHourToThirtyDaysAreRefused() {
    for (int hours : new int[] {0, -5, 721}) {
      RuleViolation violation =
          assertThrows(
              RuleViolation.class,
              tx(() -> master.nodeRegistry.issueToken(admin, "board-1", hours)));
      assertEquals("expiresInHours", violation.errors().get(0).field());
    }
    assertEquals(0, master.countRows("enrollment_tokens"));
  }

  @Test
  void developersAreNotOperators() {
    assertThrows(
        AccessDenied.class, tx(() -> master.nodeRegistry.issueToken(alice, "board-1", null)));
    assertThrows(AccessDenied.class, tx(() -> master.nodeRegistry.list(alice)));
    assertThrows(AccessDenied.class, tx(() -> master.nodeRegistry.tokens(alice)));
    assertThrows(AccessDenied.class, tx(() -> master.nodeRegistry.get(alice, "board-1")));
    assertEquals(0, master.countRows("enrollment_tokens"));
  }

  @Test
  void registeredNodesAreListedByName() {
    // nodes enroll through the edge agent; here they are put in place by SQL
    master.run(
        () -> {
          insertNode(1_000_001L, "board-2", 52.37, 4.89, 4000, 4096);
          insertNode(1_000_002L, "board-1", 48.85, 2.35, 2000, 2048);
        });

    List<Node> nodes = master.inTransaction(() -> master.nodeRegistry.list(admin));
    assertEquals(List.of("board-1", "board-2"), nodes.stream().map(Node::name).toList());
    Node board2 = master.inTransaction(() -> master.nodeRegistry.get(admin, "board-2"));
    assertEquals(52.37, board2.latitude());
    assertEquals(4096, board2.memoryMiB());
    assertEquals(MutableClock.START, board2.lastHeartbeatAt());
  }

  private void insertNode(long id, String name, double lat, double lon, int cpu, int memory) {
    master
        .em
        .createNativeQuery(
            "INSERT INTO nodes (id, name, latitude, longitude, cpu_millis, memory_mib, state,"
                + " last_heartbeat_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'UP', ?7, ?7)")
        .setParameter(1, id)
        .setParameter(2, name)
        .setParameter(3, lat)
        .setParameter(4, lon)
        .setParameter(5, cpu)
        .setParameter(6, memory)
        .setParameter(7, java.sql.Timestamp.from(master.clock.instant()))
        .executeUpdate();
  }

  @Test
  void issuingIsAudited() {
    issue("board-1", 2);
    Event event =
        master.inTransaction(() -> master.audit.list(admin, null, null, 0, 1)).items().get(0);
    assertEquals("node.token.issue", event.action());
    assertEquals("for board-1, 2 h", event.detail());
  }
}
