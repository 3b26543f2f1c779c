package org.mecconpaas.manager.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretTokensTest {
  @Test
  void secretsCarryTheirPrefixAnd256UrlSafeBits() {
    String secret = SecretTokens.generate("mec");
    assertTrue(secret.startsWith("mec_"), secret);
    // 32 bytes in unpadded base64url are 43 characters
    assertEquals(4 + 43, secret.length(), secret);
    assertTrue(secret.substring(4).matches("[A-Za-z0-9_-]{43}"), secret);
  }

  @Test
  void secretsAreUnique() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      assertTrue(seen.add(SecretTokens.generate("join")));
    }
  }

  @Test
  void generatedPasswordsAreTwentyUrlSafeCharactersAndUnique() {
    String first = SecretTokens.generatePassword();
    assertTrue(first.matches("[A-Za-z0-9_-]{20}"), first);
    assertNotEquals(first, SecretTokens.generatePassword());
  }

  @Test
  void digestIsStableLowerCaseHexSha256() {
    String digest = SecretTokens.digest("mec_abc");
    assertEquals(64, digest.length());
    assertTrue(digest.matches("[0-9a-f]{64}"), digest);
    assertEquals(digest, SecretTokens.digest("mec_abc"));
    assertNotEquals(digest, SecretTokens.digest("mec_abd"));
    // a known vector: SHA-256 of "abc"
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        SecretTokens.digest("abc"));
  }
}
