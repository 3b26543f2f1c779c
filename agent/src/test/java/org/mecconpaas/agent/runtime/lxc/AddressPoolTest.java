package org.mecconpaas.agent.runtime.lxc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AddressPoolTest {

  private final AddressPool pool = new AddressPool("10.77.0.100", "10.77.0.254");

  @Test
  void parsesAndFormatsAddresses() {
    assertEquals("10.77.0.100", AddressPool.format(AddressPool.parse("10.77.0.100")));
    assertEquals("255.255.255.255", AddressPool.format(AddressPool.parse("255.255.255.255")));
    assertThrows(IllegalArgumentException.class, () -> AddressPool.parse("10.77.0"));
    assertThrows(IllegalArgumentException.class, () -> AddressPool.parse("10.77.0.256"));
    assertThrows(IllegalArgumentException.class, () -> AddressPool.parse("10.77.x.1"));
    assertThrows(IllegalArgumentException.class, () -> new AddressPool("10.77.0.9", "10.77.0.8"));
  }

  @Test
  void theSameNameGetsTheSameAddressInTheRange() {
    String a = pool.allocate("s12-node-1", Set.of());
    assertEquals(a, pool.allocate("s12-node-1", Set.of()));
    assertEquals(a, new AddressPool("10.77.0.100", "10.77.0.254").allocate("s12-node-1", Set.of()));
    assertTrue(pool.contains(a), a);
    assertEquals(155, pool.size());
  }

  @Test
  void namesSpreadOverTheRange() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 40; i++) {
      seen.add(pool.allocate("s" + i + "-node-0", Set.of()));
    }
    assertTrue(seen.size() > 30, "40 names landed on only " + seen.size() + " addresses");
  }

  @Test
  void aTakenAddressPushesTheNameToTheNextFreeOne() {
    String first = pool.allocate("s1-web-0", Set.of());
    String second = pool.allocate("s1-web-0", Set.of(first));
    assertNotEquals(first, second);
    int expected =
        AddressPool.parse(first) == pool.last() ? pool.first() : AddressPool.parse(first) + 1;
    assertEquals(AddressPool.format(expected), second);
  }

  @Test
  void aFullRangeIsAnError() {
    AddressPool two = new AddressPool("10.77.0.200", "10.77.0.201");
    Set<String> taken = Set.of("10.77.0.200", "10.77.0.201");
    assertThrows(IllegalStateException.class, () -> two.allocate("x", taken));
  }

  @Test
  void slicesAreDisjointAndInsideTheRange() {
    List<AddressPool> slices = pool.slices(4);
    assertEquals(4, slices.size());
    assertEquals("10.77.0.100", slices.get(0).firstAddress());
    for (int i = 0; i < slices.size(); i++) {
      AddressPool s = slices.get(i);
      assertEquals(38, s.size());
      assertTrue(pool.contains(s.firstAddress()) && pool.contains(s.lastAddress()));
      if (i > 0) {
        assertEquals(slices.get(i - 1).last() + 1, s.first());
      }
    }
    assertThrows(IllegalArgumentException.class, () -> pool.slices(156));
  }
}
