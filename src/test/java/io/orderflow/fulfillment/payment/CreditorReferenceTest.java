package io.orderflow.fulfillment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ISO 11649 creditor references")
class CreditorReferenceTest {

  @ParameterizedTest(name = "{0} → {1}")
  @DisplayName("get the check digits of ISO 7064 MOD 97-10, as the standard's example shows")
  @CsvSource({
      "539007547034,           RF18539007547034",  // the example of ISO 11649 and the EPC's guidance
      "ORDAB2C3D4E,            RF45ORDAB2C3D4E",
      "INV2026000123,          RF98INV2026000123",
      "7,                      RF097",
      "ZZZZZZZZZZZZZZZZZZZZZ,  RF09ZZZZZZZZZZZZZZZZZZZZZ",
  })
  void checkDigits(String base, String reference) {
    assertThat(CreditorReference.of(base)).isEqualTo(reference);
    assertThat(CreditorReference.isValid(reference)).isTrue();
  }

  @Test
  @DisplayName("pad check digits below 10 with a zero")
  void smallCheckDigits() {
    assertThat(CreditorReference.of("7")).isEqualTo("RF097");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @DisplayName("reject references with wrong check digits, a typo, swapped characters or the wrong form")
  @ValueSource(strings = {
      "RF19539007547034",   // check digits off by one
      "RF18539007547035",   // last digit mistyped
      "RF18539007574034",   // two digits swapped
      "RF18 5390 0754 7034", // printed form: normalise first
      "rf18539007547034",   // lower case: normalise first
      "RF18",               // no reference
      "RF185390075470345390075470",   // longer than 25 characters
      "DE18539007547034",   // not RF
      "RF1A539007547034",   // letter in the check digits
      "RF18-539007547034",  // not a letter or digit
      ""
  })
  void invalid(String reference) {
    assertThat(CreditorReference.isValid(reference)).isFalse();
  }

  @Test
  @DisplayName("read a reference as printed or typed: spaces removed, capitals")
  void normalise() {
    assertThat(CreditorReference.normalise(" rf18 5390 0754 7034 ")).isEqualTo("RF18539007547034");
    assertThat(CreditorReference.isValid(CreditorReference.normalise("rf18 5390 0754 7034"))).isTrue();
    assertThat(CreditorReference.normalise(null)).isNull();
  }

  @Test
  @DisplayName("print a reference in groups of four")
  void printed() {
    assertThat(CreditorReference.printed("RF18539007547034")).isEqualTo("RF18 5390 0754 7034");
    assertThat(CreditorReference.printed("RF98INV2026000123")).isEqualTo("RF98 INV2 0260 0012 3");
  }

  @Test
  @DisplayName("detect every mistyped digit and every swap of neighbouring digits in a numeric reference")
  void detectsTyposInDigits() {
    String reference = CreditorReference.of("539007547034");
    for (int i = 2; i < reference.length(); i++) {
      for (char c = '0'; c <= '9'; c++) {
        if (c != reference.charAt(i)) {
          String typo = reference.substring(0, i) + c + reference.substring(i + 1);
          assertThat(CreditorReference.isValid(typo)).as("%s", typo).isFalse();
        }
      }
      if (i + 1 < reference.length() && reference.charAt(i) != reference.charAt(i + 1)) {
        String swapped = reference.substring(0, i) + reference.charAt(i + 1) + reference.charAt(i)
            + reference.substring(i + 2);
        assertThat(CreditorReference.isValid(swapped)).as("%s", swapped).isFalse();
      }
    }
  }

  @ParameterizedTest(name = "\"{0}\"")
  @DisplayName("refuse a base that is empty, too long or not made of capital letters and digits")
  @ValueSource(strings = {"", "ZZZZZZZZZZZZZZZZZZZZZZ", "ord123", "ORD-123"})
  void invalidBase(String base) {
    assertThatThrownBy(() -> CreditorReference.of(base)).isInstanceOf(IllegalArgumentException.class);
  }
}
