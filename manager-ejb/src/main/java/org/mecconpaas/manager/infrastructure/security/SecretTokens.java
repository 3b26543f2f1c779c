package org.mecconpaas.manager.infrastructure.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random secrets (API tokens, join tokens, generated passwords) and their stored digests. */
public final class SecretTokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretTokens() {}

  /** A new secret with 256 random bits, URL-safe, with a prefix that says what it is for. */
  public static String generate(String prefix) {
    return prefix + "_" + randomText(32);
  }

  /** A password for people to copy: 20 characters, about 120 bits. */
  public static String generatePassword() {
    return randomText(15);
  }

  private static String randomText(int bytes) {
    byte[] buffer = new byte[bytes];
    RANDOM.nextBytes(buffer);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
  }

  /** Hex SHA-256, what the database stores instead of the secret. */
  public static String digest(String secret) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
