package dev.shipgate.evidence;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * Ed25519 public key from a private seed (RFC 8032 section 5.1.5), which the JDK computes internally but does not
 * expose for a key read from a file. Affine arithmetic on the twisted Edwards curve with BigInteger: slow (a few
 * milliseconds) and used only when a key file is loaded.
 */
final class Ed25519Point {

  private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
  private static final BigInteger D = BigInteger.valueOf(-121665).multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
  private static final BigInteger BX =
      new BigInteger("15112221349535400772501151409588531511454012693041857206046113283949847762202");
  private static final BigInteger BY = BigInteger.valueOf(4).multiply(BigInteger.valueOf(5).modInverse(P)).mod(P);

  private Ed25519Point() {}

  /** The 32-byte encoded public key A = s·B, where s is the clamped first half of SHA-512(seed). */
  static byte[] publicKey(byte[] seed) {
    byte[] h;
    try {
      h = MessageDigest.getInstance("SHA-512").digest(seed);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-512 is missing from this Java runtime", e);
    }
    byte[] a = Arrays.copyOf(h, 32);
    Arrays.fill(h, (byte) 0);
    a[0] &= (byte) 248;
    a[31] &= 127;
    a[31] |= 64;
    BigInteger s = new BigInteger(1, reverse(a));
    Arrays.fill(a, (byte) 0);
    BigInteger[] r = {BigInteger.ZERO, BigInteger.ONE};
    BigInteger[] b = {BX, BY};
    for (int i = s.bitLength() - 1; i >= 0; i--) {
      r = add(r, r);
      if (s.testBit(i)) {
        r = add(r, b);
      }
    }
    byte[] y = r[1].toByteArray();
    byte[] out = new byte[32];
    // Little-endian y, with the low bit of x in the top bit of the last byte.
    for (int i = 0; i < 32 && i < y.length; i++) {
      out[i] = y[y.length - 1 - i];
    }
    if (r[0].testBit(0)) {
      out[31] |= (byte) 0x80;
    }
    return out;
  }

  /** The complete addition law of -x^2 + y^2 = 1 + d x^2 y^2 (also valid for doubling). */
  private static BigInteger[] add(BigInteger[] p1, BigInteger[] p2) {
    BigInteger x1 = p1[0];
    BigInteger y1 = p1[1];
    BigInteger x2 = p2[0];
    BigInteger y2 = p2[1];
    BigInteger t = D.multiply(x1).multiply(x2).multiply(y1).multiply(y2).mod(P);
    BigInteger x3 = x1.multiply(y2).add(x2.multiply(y1)).multiply(BigInteger.ONE.add(t).modInverse(P)).mod(P);
    BigInteger y3 = y1.multiply(y2).add(x1.multiply(x2)).multiply(BigInteger.ONE.subtract(t).mod(P).modInverse(P)).mod(P);
    return new BigInteger[] {x3, y3};
  }

  private static byte[] reverse(byte[] in) {
    byte[] out = new byte[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = in[in.length - 1 - i];
    }
    return out;
  }
}
