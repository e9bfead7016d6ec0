package io.orderflow.fulfillment.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What is hidden in mails and masked in log lines, and what must stay readable. */
class RedactionTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      paid with pm_card_visa                      | paid with [payment token hidden]
      token tok_1MqLx2Ab and pm_1QxY              | token [payment token hidden] and [payment token hidden]
      card object card_1NxAbc9                    | card object [payment token hidden]
      card 4242 4242 4242 4242 declined           | card [card number hidden] declined
      card 4000-0566-5566-5556                    | card [card number hidden]
      number 4111111111111111.                    | number [card number hidden].
      declined: card_declined                     | declined: card_declined
      IBAN ES91 2100 0418 4502 0005 1332          | IBAN ES91 2100 0418 4502 0005 1332
      reference RF18 5390 0754 7034               | reference RF18 5390 0754 7034
      call +34 600 000 000                        | call +34 600 000 000
      tracking SX643681112ES, order ORD-K3TDT736  | tracking SX643681112ES, order ORD-K3TDT736
      1234 5678 9012 3456 (no valid checksum)     | 1234 5678 9012 3456 (no valid checksum)
      """)
  @DisplayName("Payment tokens and card numbers are hidden; bank details, phone, tracking and decline codes stay")
  void scrub(String text, String expected) {
    assertThat(Redaction.scrub(text, null)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      the order's own reference ABC-SECRET-77 | ABC-SECRET-77 | the order's own reference [payment token hidden]
      """)
  @DisplayName("The order's own payment method id is hidden whatever its shape")
  void ownReference(String text, String reference, String expected) {
    assertThat(Redaction.scrub(text, reference)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      sent to ana.garcia+1@example.com                  | sent to a***@example.com
      550 <bob@shop.example> and <zoe@mail.example.org> | 550 <b***@shop.example> and <z***@mail.example.org>
      """)
  @DisplayName("Log lines show e-mail addresses masked")
  void maskAddresses(String text, String expected) {
    assertThat(Redaction.maskAddresses(text)).isEqualTo(expected);
  }
}
