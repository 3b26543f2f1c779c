package org.mecconpaas.manager.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {
  private final PasswordHasher hasher = new PasswordHasher(1000);

  @Test
  void aHashMatchesItsPassword() {
    String stored = hasher.hash("correct horse battery staple");
    assertTrue(hasher.matches("correct horse battery staple", stored));
  }

  @Test
  void aHashDoesNotMatchAnotherPassword() {
    String stored = hasher.hash("correct horse battery staple");
    assertFalse(hasher.matches("correct horse battery stapl", stored));
    assertFalse(hasher.matches("Correct horse battery staple", stored));
    assertFalse(hasher.matches("", stored));
  }

  @Test
  void theHashIsSelfDescribingAndHoldsNoPassword() {
    String stored = hasher.hash("s3cret-password");
    String[] parts = stored.split("\\$");
    assertEquals(4, parts.length, stored);
    assertEquals("pbkdf2-sha256", parts[0]);
    assertEquals("1000", parts[1]);
    assertEquals(16, Base64.getDecoder().decode(parts[2]).length);
    assertEquals(32, Base64.getDecoder().decode(parts[3]).length);
    assertFalse(stored.contains("s3cret-password"));
  }

  @Test
  void saltsDifferSoTheSamePasswordHashesDifferently() {
    String first = hasher.hash("same password");
    String second = hasher.hash("same password");
    assertNotEquals(first, second);
    assertNotEquals(first.split("\\$")[2], second.split("\\$")[2]);
    assertTrue(hasher.matches("same password", first));
    assertTrue(hasher.matches("same password", second));
  }

  @Test
  void theIterationCountIsReadFromTheStoredHash() {
    String stored = new PasswordHasher(1500).hash("moved on");
    assertTrue(hasher.matches("moved on", stored));
  }

  @Test
  void aTamperedHashDoesNotMatch() {
    String stored = hasher.hash("password1234");
    String[] parts = stored.split("\\$");
    String otherCount = String.join("$", parts[0], "1001", parts[2], parts[3]);
    assertFalse(hasher.matches("password1234", otherCount));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "garbage",
        "plain-text-password",
        "pbkdf2-sha256$1000$c2FsdA",
        "pbkdf2-sha256$1000$c2FsdA$aGFzaA$extra",
        "md5$1000$c2FsdA$aGFzaA",
        "$$$"
      })
  void malformedStoredHashesDoNotMatch(String stored) {
    assertFalse(hasher.matches("anything", stored));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "pbkdf2-sha256$many$c2FsdHNhbHRzYWx0c2E$aGFzaA",
        "pbkdf2-sha256$1000$not base64!$aGFzaA",
        "pbkdf2-sha256$0$c2FsdHNhbHRzYWx0c2E$aGFzaA",
        "pbkdf2-sha256$1000$$aGFzaA"
      })
  void malformedPartsOfAWellShapedHashDoNotMatch(String stored) {
    assertFalse(hasher.matches("anything", stored));
  }
}
