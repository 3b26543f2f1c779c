package org.mecconpaas.agent.runtime.lxc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A range of IPv4 addresses from which containers get theirs, deterministically from their name:
 * the SHA-256 of the name picks a start in the range, and the first address from there (wrapping
 * around) that no other container holds is the container's. The same name therefore gets the same
 * address on every node and after every restart unless a collision pushed it along.
 */
public record AddressPool(int first, int last) {

  public AddressPool {
    if (Integer.compareUnsigned(first, last) > 0) {
      throw new IllegalArgumentException(format(first) + " is after " + format(last));
    }
  }

  public AddressPool(String first, String last) {
    this(parse(first), parse(last));
  }

  public int size() {
    return last - first + 1;
  }

  public boolean contains(String address) {
    int a = parse(address);
    return Integer.compareUnsigned(a, first) >= 0 && Integer.compareUnsigned(a, last) <= 0;
  }

  /**
   * The address for {@code name}, skipping those in {@code taken}.
   *
   * @throws IllegalStateException when every address of the range is taken
   */
  public String allocate(String name, Set<String> taken) {
    int size = size();
    int start = (int) (Integer.toUnsignedLong(hash(name)) % size);
    for (int i = 0; i < size; i++) {
      String candidate = format(first + (start + i) % size);
      if (!taken.contains(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "no free container address in " + format(first) + "-" + format(last));
  }

  /** Splits this range into {@code count} disjoint consecutive slices of equal size. */
  public List<AddressPool> slices(int count) {
    if (count < 1 || count > size()) {
      throw new IllegalArgumentException(
          "cannot split " + size() + " addresses " + count + " ways");
    }
    int each = size() / count;
    List<AddressPool> slices = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      slices.add(new AddressPool(first + i * each, first + (i + 1) * each - 1));
    }
    return slices;
  }

  public String firstAddress() {
    return format(first);
  }

  public String lastAddress() {
    return format(last);
  }

  /** The first four bytes of the SHA-256 of the name; also used for MAC and veth names. */
  static int hash(String name) {
    byte[] digest = sha256(name);
    return ((digest[0] & 0xff) << 24)
        | ((digest[1] & 0xff) << 16)
        | ((digest[2] & 0xff) << 8)
        | (digest[3] & 0xff);
  }

  static byte[] sha256(String name) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  public static int parse(String address) {
    String[] parts = address.strip().split("\\.", -1);
    if (parts.length != 4) {
      throw new IllegalArgumentException("not an IPv4 address: " + address);
    }
    int value = 0;
    for (String part : parts) {
      int octet;
      try {
        octet = Integer.parseInt(part);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not an IPv4 address: " + address, e);
      }
      if (octet < 0 || octet > 255 || part.isEmpty() || part.length() > 3) {
        throw new IllegalArgumentException("not an IPv4 address: " + address);
      }
      value = (value << 8) | octet;
    }
    return value;
  }

  public static String format(int address) {
    return (address >>> 24)
        + "."
        + ((address >>> 16) & 0xff)
        + "."
        + ((address >>> 8) & 0xff)
        + "."
        + (address & 0xff);
  }
}
