package io.orderflow.fulfillment.payment;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The ISO 11649 structured creditor reference ("RF" creditor reference) a customer quotes on a bank transfer:
 * {@code RF}, two check digits and a reference of 1 to 21 letters or digits, e.g. {@code RF18 5390 0754 7034}. The
 * check digits are those of ISO 7064 MOD 97-10, as in an IBAN: the reference followed by {@code RF00}, with the letters
 * as numbers (A = 10 … Z = 35), leaves the remainder r modulo 97, and the check digits are 98 − r; a valid reference,
 * its first four characters moved to the end, leaves the remainder 1. Banks print it in groups of four; it is stored
 * and compared without spaces, in capitals.
 */
final class CreditorReference {

  private static final Pattern BASE = Pattern.compile("[A-Z0-9]{1,21}");
  private static final Pattern REFERENCE = Pattern.compile("RF[0-9]{2}[A-Z0-9]{1,21}");

  private CreditorReference() {}

  /** The creditor reference for {@code base} (1–21 capital letters or digits), check digits included. */
  static String of(String base) {
    if (base == null || !BASE.matcher(base).matches()) {
      throw new IllegalArgumentException("A creditor reference is built from 1 to 21 capital letters or digits");
    }
    int check = 98 - mod97(base + "RF00");
    return "RF" + (check < 10 ? "0" : "") + check + base;
  }

  /** Whether {@code reference} (without spaces, in capitals) is a creditor reference with correct check digits. */
  static boolean isValid(String reference) {
    return reference != null && REFERENCE.matcher(reference).matches()
        && mod97(reference.substring(4) + reference.substring(0, 4)) == 1;
  }

  /** A reference as printed or typed ("rf18 5390 0754 7034") in its stored form ("RF18539007547034"). */
  static String normalise(String printed) {
    return printed == null ? null : printed.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
  }

  /** The reference in groups of four, as it is printed on payment instructions. */
  static String printed(String reference) {
    return reference.replaceAll("(.{4})(?!$)", "$1 ");
  }

  /** The remainder modulo 97 of the number the characters spell (letters A–Z as 10–35), computed piecewise. */
  private static int mod97(String characters) {
    int remainder = 0;
    for (int i = 0; i < characters.length(); i++) {
      int value = Character.digit(characters.charAt(i), 36);
      remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
    }
    return remainder;
  }
}
