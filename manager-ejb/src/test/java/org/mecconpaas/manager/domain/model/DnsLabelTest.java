package org.mecconpaas.manager.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DnsLabelTest {
  @ParameterizedTest
  @ValueSource(strings = {"a", "web", "my-app", "a1", "x-1-y", "abc123"})
  void acceptsDnsLabels(String name) {
    assertTrue(DnsLabel.isValid(name), name);
    assertEquals(name, DnsLabel.require("name", name));
  }

  @Test
  void acceptsSixtyThreeCharactersButNotSixtyFour() {
    assertTrue(DnsLabel.isValid("a".repeat(63)));
    assertFalse(DnsLabel.isValid("a".repeat(64)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "MyApp",
        "A",
        "my_app",
        "1app",
        "-app",
        "app-",
        "my app",
        "my.app",
        "caf\u00e9",
        "app\n"
      })
  void refusesOtherNames(String name) {
    assertFalse(DnsLabel.isValid(name), name);
  }

  @Test
  void refusesNull() {
    assertFalse(DnsLabel.isValid(null));
  }

  @Test
  void requireNamesTheFieldInTheViolation() {
    RuleViolation violation =
        assertThrows(RuleViolation.class, () -> DnsLabel.require("username", "Bad_Name"));
    assertEquals(1, violation.errors().size());
    assertEquals("username", violation.errors().get(0).field());
    assertTrue(violation.getMessage().startsWith("username must be 1-63 characters"));
  }
}
