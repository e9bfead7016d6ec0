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

  final MailComposer composer = new MailComposer(MailTestData.settings(), CustomerMailSettings.defaults());

  @Test
  @DisplayName("The acknowledgement lists products with their sizes, quantities, amounts, delivery and how to return")
  void acknowledgementListsTheOrder() {
    Mail mail = composer.compose(Audience.CUSTOMER, "ORDER_ACKNOWLEDGED", "To ana@example.com: order ...", null,
        MailTestData.order(OrderStatus.PAYMENT_AUTHORIZED, TOKEN, null), MailTestData.items());

    assertThat(mail.subject()).isEqualTo("Your order ORD-TEST2345 is confirmed");
    assertThat(mail.text()).contains("Hello Ana García,",
        "- 2 x Organic cotton T-shirt, size/colour: Size M, item TSHIRT-ORG-M, 19.90 EUR each: 39.80 EUR",
        "- 1 x Trail running shoes, size/colour: EU 42, item SNEAKER-TRAIL-42, 89.95 EUR each: 89.95 EUR",
        "Items: 129.75 EUR", "Shipping: 4.90 EUR", "Total due: 134.65 EUR",
        "Express delivery, Tuesday, November 24, 2026, 09:00-13:00", "Calle Mayor 1", "28013 Madrid", "Spain",
        "Gift wrapped, with your message: Happy birthday!",
        "RETURNS\nChanged your mind? You can return unused items in their original packaging within 30 days of "
            + "delivery.",
        "1. Request the return on your order page, or reply to this e-mail (or write to customer-service@shop.example) "
            + "with your order number ORD-TEST2345",
        "2. We send you a prepaid return label by e-mail.");
    assertThat(mail.text()).doesNotContain("TRACKING", "Details:", "Serial numbers");
    assertThat(mail.html()).contains("Organic cotton T-shirt", "size/colour: Size M", "item TSHIRT-ORG-M",
        "134.65 EUR", "Returns", "within 30 days", "<li>Request the return on your order page",
        "mailto:customer-service@shop.example");
  }

  @Test
  @DisplayName("A free replacement's acknowledgement names the order it replaces and the RMA, and that nothing is charged")
  void replacementAcknowledgement() {
    Mail mail = composer.compose(Audience.CUSTOMER, "ORDER_ACKNOWLEDGED", "s", null, MailTestData.replacement("en"));

    assertThat(mail.subject()).isEqualTo("Your free replacement order ORD-REPL2345 is confirmed");
    assertThat(mail.text()).contains("We are sorry about the problem with your order ORD-ORIG2345",
        "return RMA-2026-0042", "free of charge", "you pay nothing",
        "- 1 x Organic cotton T-shirt (Size M), item TSHIRT-ORG-M, 0.00 EUR each: 0.00 EUR",
        "Shipping: 0.00 EUR", "Total due: 0.00 EUR")
        .doesNotContain("Thank you for your order", "Changed your mind?");
    assertThat(mail.html()).contains("ORD-ORIG2345", "RMA-2026-0042");
  }

  @Test
  @DisplayName("A free replacement's acknowledgement in the customer's language; its other mails are the usual ones")
  void replacementAcknowledgementTranslated() {
    Mail es = composer.compose(Audience.CUSTOMER, "ORDER_ACKNOWLEDGED", "s", null, MailTestData.replacement("es"));
    Mail pl = composer.compose(Audience.CUSTOMER, "ORDER_ACKNOWLEDGED", "s", null, MailTestData.replacement("pl"));
    Mail bg = composer.compose(Audience.CUSTOMER, "ORDER_ACKNOWLEDGED", "s", null, MailTestData.replacement("bg"));
    Mail shipped = composer.compose(Audience.CUSTOMER, "ORDER_SHIPPED", "s", "SX1", MailTestData.replacement("en"));

    assertThat(es.subject()).isEqualTo("Su pedido de sustitución gratuito ORD-REPL2345 está confirmado");
    assertThat(es.text()).contains("su pedido ORD-ORIG2345", "RMA-2026-0042", "sin coste");
    assertThat(pl.text()).contains("ORD-ORIG2345", "RMA-2026-0042", "bezpłatnie");
    assertThat(bg.text()).contains("ORD-ORIG2345", "RMA-2026-0042", "безплатно");
    assertThat(shipped.subject()).isEqualTo("Your order ORD-REPL2345 is on its way");
  }

  @Test
  @DisplayName("Without catalogue details a line shows the product as ordered, its size in its name")
  void linesWithoutCatalogueDetails() {
    Mail mail = composer.compose(Audience.CUSTOMER, "ORDER_ACKNOWLEDGED", "s", null,
        MailTestData.order(OrderStatus.PAYMENT_AUTHORIZED, TOKEN, null));

    assertThat(mail.text()).contains(
        "- 2 x Organic cotton T-shirt (Size M), item TSHIRT-ORG-M, 19.90 EUR each: 39.80 EUR");
  }

  @Test
  @DisplayName("Serial numbers picked for the order are listed under their line")
  void serialNumbersUnderTheirLine() {
    Mail mail = composer.compose(Audience.CUSTOMER, "ORDER_SHIPPED", "s", "SX643681112ES",
        MailTestData.order(OrderStatus.SHIPPED, TOKEN, null), MailTestData.items("SN-TRAIL-0001"));

    assertThat(mail.text()).contains("item SNEAKER-TRAIL-42, 89.95 EUR each: 89.95 EUR\n  Serial numbers: SN-TRAIL-0001\n");
    assertThat(mail.text()).containsOnlyOnce("Serial numbers");
    assertThat(mail.html()).contains("Serial numbers: SN-TRAIL-0001");
  }

  @Test
  @DisplayName("The shipped mail names the parcel's tracking number with a link to the tracking page and the API")
  void trackingNumbers() {
    OrderSummary order = MailTestData.order(OrderStatus.SHIPPED, TOKEN, null);
    Mail mail = composer.compose(Audience.CUSTOMER, "ORDER_SHIPPED", "s", "SX643681112ES", order);

    assertThat(mail.subject()).isEqualTo("Your order ORD-TEST2345 is on its way");
    assertThat(mail.text()).contains("Tracking number: SX643681112ES", "TRACKING",
        "Parcel 1: SX643681112ES\n  Follow your parcel: http://localhost:8080/track/SX643681112ES\n"
            + "  Tracking data (API): http://localhost:8080/api/tracking/SX643681112ES\n",
        "Parcel 2: not shipped yet");
    assertThat(mail.html()).contains("SX643681112ES", "href=\"http://localhost:8080/track/SX643681112ES\"",
        "href=\"http://localhost:8080/api/tracking/SX643681112ES\"");
    assertThat(mail.text()).doesNotContain("RETURNS", "localhost:8080/track/null");
  }

  @Test
  @DisplayName("The links point at the configured public address of the shop")
  void linksUseThePublicUrl() {
    MailComposer live = new MailComposer(MailTestData.settings(), new CustomerMailSettings(
        java.net.URI.create("https://shop.example/"), new CustomerMailSettings.Returns(14)));

    Mail shipped = live.compose(Audience.CUSTOMER, "ORDER_SHIPPED", "s", "SX643681112ES",
        MailTestData.order(OrderStatus.SHIPPED, TOKEN, null));
    Mail delivered = live.compose(Audience.CUSTOMER, "ORDER_DELIVERED", "s", null,
        MailTestData.order(OrderStatus.DELIVERED, TOKEN, null));

    assertThat(shipped.text()).contains("https://shop.example/track/SX643681112ES",
        "https://shop.example/api/tracking/SX643681112ES").doesNotContain("localhost");
    assertThat(delivered.text()).contains("within 14 days of delivery");
  }

  @Test
  @DisplayName("The delivered mail confirms the delivery and repeats how to return")
  void deliveredMail() {
    Mail mail = composer.compose(Audience.CUSTOMER, "ORDER_DELIVERED", "s", null,
        MailTestData.order(OrderStatus.DELIVERED, TOKEN, null));

    assertThat(mail.subject()).isEqualTo("Your order ORD-TEST2345 has been delivered");
    assertThat(mail.text()).contains("Your order has been delivered", "(delivered)", "RETURNS",
        "Something not right? You can return unused items in their original packaging within 30 days of delivery.",
        "1. Request the return on your order page, or reply to this e-mail",
        "3. Pack the items, stick the label on the parcel");
  }

  @Test
  @DisplayName("A Spanish customer reads the confirmation in Spanish: words, dates, amounts and country")
  void spanish() {
    OrderSummary order = MailTestData.inLanguage(MailTestData.order(OrderStatus.PAYMENT_AUTHORIZED, TOKEN, null), "es");

    Mail mail = composer.compose(Audience.CUSTOMER, "ORDER_ACKNOWLEDGED", "s", null, order, MailTestData.items());

    assertThat(mail.subject()).isEqualTo("Su pedido ORD-TEST2345 está confirmado");
    assertThat(mail.text()).contains("Hola, Ana García:", "Gracias por su pedido.",
        "SU PEDIDO ORD-TEST2345 (pago asegurado)",
        "- 2 x Organic cotton T-shirt, talla/color: Size M, artículo TSHIRT-ORG-M, 19,90 EUR la unidad: 39,80 EUR",
        "Total a pagar: 134,65 EUR", "Entrega urgente, martes, 24 de noviembre de 2026, 09:00-13:00", "España",
        "DEVOLUCIONES", "¿Ha cambiado de opinión? Puede devolver los artículos sin usar en su embalaje original en un "
            + "plazo de 30 días desde la entrega.", "Un cordial saludo,")
        .doesNotContain("Hello", "Your order", "RETURNS", "134.65");
    assertThat(mail.html()).startsWith("<!DOCTYPE html>").contains("lang=\"es\"", "Devoluciones", "España",
        "Cant.", "Total a pagar");
  }

  @Test
  @DisplayName("A Bulgarian customer reads Cyrillic, a Polish one Polish")
  void bulgarianAndPolish() {
    OrderSummary order = MailTestData.order(OrderStatus.SHIPPED, TOKEN, null);

    Mail bg = composer.compose(Audience.CUSTOMER, "ORDER_SHIPPED", "s", "SX643681112ES",
        MailTestData.inLanguage(order, "bg"), MailTestData.items("SN-TRAIL-0001"));
    Mail pl = composer.compose(Audience.CUSTOMER, "ORDER_SHIPPED", "s", "SX643681112ES",
        MailTestData.inLanguage(order, "pl"), MailTestData.items("SN-TRAIL-0001"));

    assertThat(bg.subject()).isEqualTo("Вашата поръчка ORD-TEST2345 е на път");
    assertThat(bg.text()).contains("Здравейте, Ana García,", "Номер за проследяване: SX643681112ES",
        "Пратка 1: SX643681112ES", "Проследете пратката си: http://localhost:8080/track/SX643681112ES",
        "Серийни номера: SN-TRAIL-0001", "вторник, 24 ноември 2026", "Испания", "89,95 EUR");
    assertThat(pl.subject()).isEqualTo("Twoje zamówienie ORD-TEST2345 jest w drodze");
    assertThat(pl.text()).contains("Dzień dobry, Ana García,", "Paczka 1: SX643681112ES",
        "Śledź swoją paczkę: http://localhost:8080/track/SX643681112ES", "Numery seryjne: SN-TRAIL-0001",
        "wtorek, 24 listopada 2026", "Hiszpania", "rozmiar/kolor: EU 42");
  }

  @Test
  @DisplayName("Departments read English whatever the customer's language")
  void departmentsReadEnglish() {
    OrderSummary order = MailTestData.inLanguage(MailTestData.order(OrderStatus.PAYMENT_AUTHORIZED, TOKEN, null), "bg");

    Mail mail = composer.compose(Audience.CUSTOMER_SERVICE, "NEW_ORDER", "Order ORD-TEST2345 (NEW_ORDER)", null, order);

    assertThat(mail.subject()).isEqualTo("New order ORD-TEST2345");
    assertThat(mail.text()).contains("Hello customer service,", "Total due: 134.65 EUR");
  }

  @Test
  @DisplayName("A department's mail about a purchase order names it in the subject and lists the facts; a topic "
      + "without words of its own gets the general ones; HTML escapes the facts")
  void mailAboutADocument() {
    Mail rejected = composer.composeAbout(Audience.PURCHASING, "SUPPLIER_REJECTED", "PO-2026-000007",
        "Casa & Home Goods EOOD rejected purchase order PO-2026-000007. Reason: <out of production>.",
        "Line 1: YOGA-MAT (Yoga mat), 10 ordered at 15.30 EUR\nLine 2: MUG-CERAMIC (Mug), 20 ordered at 5.40 EUR");
    Mail other = composer.composeAbout(Audience.PURCHASING, "PRICE_CHANGED", "PO-2026-000008", "summary", null);

    assertThat(rejected.subject()).isEqualTo("Purchase order PO-2026-000007 was rejected by the supplier");
    assertThat(rejected.text()).contains("Hello purchasing,", "Reason: <out of production>.",
        "- Line 1: YOGA-MAT (Yoga mat), 10 ordered at 15.30 EUR", "- Line 2: MUG-CERAMIC (Mug), 20 ordered at 5.40 EUR")
        .doesNotContain("Order ");
    assertThat(rejected.html()).contains("<li>Line 1: YOGA-MAT (Yoga mat), 10 ordered at 15.30 EUR</li>",
        "Reason: &lt;out of production&gt;.");
    assertThat(other.subject()).isEqualTo("PO-2026-000008: Price changed");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> composer.composeAbout(Audience.CUSTOMER, "X", "PO-1",
        "s", null)).isInstanceOf(IllegalArgumentException.class);
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
      "PARCEL_CANCELLED", "PARCEL_RETURNED", "QUESTION_ANSWERED", "PAYMENT_INSTRUCTIONS", "CARD_UPDATE_REQUIRED", "TRANSFER_REMINDER", "INVOICE_ISSUED",
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
  @ValueSource(strings = {"en", "es", "pl", "bg"})
  @DisplayName("Every customer topic reads without placeholders in every language")
  void everyTopicInEveryLanguage(String language) {
    for (String topic : List.of("ORDER_ACKNOWLEDGED", "ITEMS_UNAVAILABLE", "QUOTE_EXPIRED", "ORDER_CANCELLED",
        "PARCEL_CANCELLED", "PARCEL_RETURNED", "QUESTION_ANSWERED", "PAYMENT_INSTRUCTIONS", "CARD_UPDATE_REQUIRED", "TRANSFER_REMINDER", "INVOICE_ISSUED",
        "INVOICE_REMINDER", "PAYMENT_RECEIVED", "ORDER_SHIPPED", "ORDER_DELIVERED", "SOMETHING_NEW")) {
      Mail mail = composer.compose(Audience.CUSTOMER, topic, "summary", "A detail",
          MailTestData.inLanguage(MailTestData.order(OrderStatus.SHIPPED, TOKEN, null), language),
          MailTestData.items("SN-1"));

      assertThat(mail.subject()).as(topic).contains("ORD-TEST2345").doesNotContain("_", "{");
      assertThat(mail.text()).as(topic).contains(": A detail", "SN-1").doesNotContain("{", "${", "[[", "[#", "??");
      assertThat(mail.html()).as(topic).contains("lang=\"" + language + "\"").doesNotContain(" th:", "${", "??");
    }
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
