package io.orderflow.fulfillment.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.fulfillment.notification.MailComposer.Mail;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.OrderStatus;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The mails as their readers get them: words per topic, the order facts, escaping, and nothing secret. */
class MailComposerTest {

  static final String TOKEN = "pm_card_visa";

  final MailComposer composer = new MailComposer(MailTestData.settings());

  @Test
  @DisplayName("The acknowledgement lists products with their sizes, quantities, amounts, delivery and returns")
  void acknowledgementListsTheOrder() {
    Mail mail = composer.compose(Audience.CUSTOMER, "ORDER_ACKNOWLEDGED", "To ana@example.com: order ...", null,
        MailTestData.order(OrderStatus.PAYMENT_AUTHORIZED, TOKEN, null));

    assertThat(mail.subject()).isEqualTo("Your order ORD-TEST2345 is confirmed");
    assertThat(mail.text()).contains("Hello Ana García,",
        "- 2 x Organic cotton T-shirt (Size M), item TSHIRT-ORG-M, 19.90 EUR each: 39.80 EUR",
        "- 1 x Trail running shoes (EU 42), item SNEAKER-TRAIL-42, 89.95 EUR each: 89.95 EUR",
        "Items:     129.75 EUR", "Shipping:  4.90 EUR", "Total due: 134.65 EUR",
        "Express delivery, " + MailTestData.SLOT_DATE + ", 09:00-13:00", "Calle Mayor 1", "28013 Madrid", "Spain",
        "Gift wrapped, with your message: Happy birthday!", "RETURNS", "within 30 days",
        "customer-service@shop.example");
    assertThat(mail.text()).doesNotContain("TRACKING", "Details:");
    assertThat(mail.html()).contains("Organic cotton T-shirt (Size M)", "134.65 EUR", "Returns",
        "mailto:customer-service@shop.example");
  }

  @Test
  @DisplayName("A shipped order shows the tracking number of each parcel")
  void trackingNumbers() {
    OrderSummary order = MailTestData.order(OrderStatus.SHIPPED, TOKEN, null);
    Mail mail = composer.compose(Audience.CUSTOMER, "ORDER_SHIPPED", "s", null, order);

    assertThat(mail.subject()).isEqualTo("Your order ORD-TEST2345 is on its way");
    assertThat(mail.text()).contains("TRACKING", "Parcel 1: SX643681112ES", "Parcel 2: not shipped yet");
    assertThat(mail.html()).contains("SX643681112ES");
    assertThat(mail.text()).doesNotContain("RETURNS");
  }

  @Test
  @DisplayName("The reason or answer is the mail's detail line; HTML escapes it, the text part shows it as written")
  void detailIsEscapedInHtml() {
    String answer = "Use <b>size L</b> & \"wash cold\" <script>alert('x')</script>";
    OrderSummary order = MailTestData.withCustomer(MailTestData.order(OrderStatus.PAYMENT_AUTHORIZED, TOKEN, null),
        "<img src=x onerror=alert(1)> O'Brien");

    Mail mail = composer.compose(Audience.CUSTOMER, "QUESTION_ANSWERED", "summary", answer, order);

    assertThat(mail.subject()).isEqualTo("Order ORD-TEST2345: the answer to your question");
    assertThat(mail.text()).contains("Answer: " + answer, "Hello <img src=x onerror=alert(1)> O'Brien,");
    assertThat(mail.html())
        .contains("Use &lt;b&gt;size L&lt;/b&gt; &amp; &quot;wash cold&quot; &lt;script&gt;")
        .contains("&lt;img src=x onerror=alert(1)&gt; O&#39;Brien")
        .doesNotContain("<script>", "<b>size L", "<img src=x");
  }

  @Test
  @DisplayName("Payment method ids and card numbers never reach a mail, not even through a summary or detail")
  void noPaymentTokens() {
    OrderSummary order = MailTestData.order(OrderStatus.CANCELLED, "pm_1QxYzSecretToken", "Please call me");
    String detail = "Declined (card_declined) for pm_1QxYzSecretToken, card 4242 4242 4242 4242, tok_abc123";

    Mail customer = composer.compose(Audience.CUSTOMER, "ORDER_CANCELLED", "x", detail, order);
    Mail finance = composer.compose(Audience.FINANCE, "PAYMENT_SECURED",
        "Order ORD-TEST2345 (PAYMENT_SECURED): 134.65 EUR by CARD pm_1QxYzSecretToken, payment AUTHORIZED", null, order);

    for (Mail mail : List.of(customer, finance)) {
      assertThat(mail.subject() + mail.text() + mail.html())
          .doesNotContain("pm_1QxYzSecretToken", "4242 4242 4242 4242", "tok_abc123", "pm_");
    }
    assertThat(customer.text()).contains("Reason: Declined (card_declined) for [payment token hidden], card "
        + "[card number hidden], [payment token hidden]");
  }

  @Test
  @DisplayName("Department mails carry the summary and the order lines; marketing only the summary")
  void departments() {
    OrderSummary order = MailTestData.order(OrderStatus.PAYMENT_AUTHORIZED, TOKEN, null);

    Mail service = composer.compose(Audience.CUSTOMER_SERVICE, "NEW_ORDER", "Order ORD-TEST2345 (NEW_ORDER) for Ana",
        null, order);
    Mail marketing = composer.compose(Audience.MARKETING, "CONSENTING_CUSTOMER",
        "Order ORD-TEST2345 (CONSENTING_CUSTOMER): Ana García <ana@example.com>, consented to marketing; 2 line(s)",
        null, order);

    assertThat(service.subject()).isEqualTo("New order ORD-TEST2345");
    assertThat(service.text()).contains("Hello customer service,", "Summary: Order ORD-TEST2345 (NEW_ORDER) for Ana",
        "- 2 x Organic cotton T-shirt (Size M) (TSHIRT-ORG-M): 39.80 EUR", "Total due: 134.65 EUR");
    assertThat(service.text()).doesNotContain("Calle Mayor");
    assertThat(marketing.subject()).isEqualTo("A customer agreed to hear from us (order ORD-TEST2345)");
    assertThat(marketing.text()).contains("Ana García <ana@example.com>, consented to marketing")
        .doesNotContain("T-shirt", "134.65", "Calle Mayor", "Madrid");
    assertThat(marketing.html()).contains("Ana García &lt;ana@example.com&gt;").doesNotContain("T-shirt");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ORDER_ACKNOWLEDGED", "ITEMS_UNAVAILABLE", "QUOTE_EXPIRED", "ORDER_CANCELLED",
      "QUESTION_ANSWERED", "PAYMENT_INSTRUCTIONS", "CARD_UPDATE_REQUIRED", "TRANSFER_REMINDER", "INVOICE_ISSUED",
      "INVOICE_REMINDER", "PAYMENT_RECEIVED", "ORDER_SHIPPED", "DELIVERED", "SOMETHING_NEW"})
  @DisplayName("Every customer topic, and one nobody has written words for yet, gets a subject and plain sentences")
  void everyCustomerTopic(String topic) {
    Mail mail = composer.compose(Audience.CUSTOMER, topic, "summary", "A detail",
        MailTestData.order(OrderStatus.PAYMENT_AUTHORIZED, TOKEN, null));

    assertThat(mail.subject()).contains("ORD-TEST2345").doesNotContain("_", "{");
    assertThat(mail.text()).contains(": A detail", "Organic cotton T-shirt").doesNotContain("{", "${", "[[", "[#");
    assertThat(mail.html()).startsWith("<!DOCTYPE html>").doesNotContain(" th:", "${");
  }

  @ParameterizedTest
  @EnumSource(value = Audience.class, names = "CUSTOMER", mode = EnumSource.Mode.EXCLUDE)
  @DisplayName("Every department gets a readable mail, also for a topic without words of its own")
  void everyDepartment(Audience audience) {
    Mail mail = composer.compose(audience, "STOCK_RUNNING_LOW", "the summary",
        null, MailTestData.order(OrderStatus.PAYMENT_AUTHORIZED, TOKEN, null));

    assertThat(mail.subject()).isEqualTo("Order ORD-TEST2345: Stock running low");
    assertThat(mail.text()).contains("Summary: the summary").doesNotContain("{", "[[");
  }

  @Test
  @DisplayName("A subject is one line whatever the words contain")
  void subjectOnOneLine() {
    assertThat(Redaction.oneLine("Order\r\nBcc: x@example.com")).isEqualTo("Order Bcc: x@example.com");
  }
}
