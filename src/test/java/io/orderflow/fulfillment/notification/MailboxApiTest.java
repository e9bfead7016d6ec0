package io.orderflow.fulfillment.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.fulfillment.testsupport.DemoUser;
import io.orderflow.fulfillment.testsupport.ShopClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The whole app on the embedded runtime (the same context as the other API tests): the process's notifications leave
 * as e-mails through the app's own SMTP server (on a free port, src/test/resources/config/application.yml), and the
 * dev mailbox shows them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
class MailboxApiTest {

  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;

  @Test
  @DisplayName("An order nothing of which is in stock is cancelled, and the customer's mail with the reason and the "
      + "products arrives in the mailbox")
  void cancellationArrivesInTheMailbox() {
    // given
    ShopClient shop = new ShopClient(http, jdbc);
    Map<String, Object> body = new HashMap<>(ShopClient.orderBody("ES", ShopClient.card("pm_card_visa"),
        Map.of("PRINT-ARTIST-PROOF", 1)));
    body.put("customer", Map.of("name", "Mia <Müller>", "email", "mia.mailbox@example.com"));

    // when
    String orderId = (String) shop.place(body).get("id");
    String orderNumber = (String) shop.awaitOrder(orderId, "CANCELLED").get("orderNumber");

    // then the customer's mail is in the mailbox: the reason, the product, nothing of the payment method
    Map<String, Object> mail = awaitMail("mia.mailbox@example.com", "Your order " + orderNumber + " has been cancelled");
    assertThat(mail).containsEntry("to", List.of("mia.mailbox@example.com")).containsEntry("orderId", orderId)
        .containsEntry("from", "Orderflow Shop <orders@shop.example>");
    assertThat((String) mail.get("body")).contains("Hello Mia <Müller>,", "Reason: Out of stock",
        "- 1 x Artist proof print (sold out), item PRINT-ARTIST-PROOF, 480.00 EUR each: 480.00 EUR",
        "Calle Mayor 1").doesNotContain("pm_card_visa");
    assertThat((String) mail.get("html")).contains("Hello Mia &lt;Müller&gt;,", "Artist proof print (sold out)");
    assertThat(mail.get("sentAt")).isNotNull();

    // and the order's notification says its mail went out
    await().atMost(ShopClient.WAIT).untilAsserted(() -> assertThat(shop.notifications(orderId))
        .filteredOn(n -> "ORDER_CANCELLED".equals(n.get("topic")))
        .singleElement().satisfies(n -> assertThat(n).containsEntry("mail", "SENT")));

    // and health shows the mailer, UP, with the embedded SMTP server
    Map<String, Object> health = shop.get("/actuator/health");
    Map<?, ?> outbox = (Map<?, ?>) ((Map<?, ?>) health.get("components")).get("mailOutbox");
    assertThat(outbox.get("status")).isEqualTo("UP");
    assertThat(((Map<?, ?>) outbox.get("details")).get("embeddedSmtpServer")).isEqualTo(true);
  }

  @Test // its SKUs are ones no other API test counts reservations of: this order keeps its goods reserved
  @DisplayName("An accepted, paid order's acknowledgement reaches the customer's mailbox, customer service its own")
  void acknowledgementArrivesInTheMailbox() {
    // given
    ShopClient shop = new ShopClient(http, jdbc);
    Map<String, Object> body = new HashMap<>(ShopClient.orderBody("ES", ShopClient.card("pm_card_visa"),
        Map.of("TSHIRT-ORG-L", 2, "BACKPACK-20L", 1)));
    body.put("customer", Map.of("name", "Leo Mailbox", "email", "leo.mailbox@example.com"));

    // when the customer orders, accepts the quote and the card is authorized
    String orderId = (String) shop.place(body).get("id");
    shop.acceptQuote(orderId);
    String orderNumber = (String) shop.awaitOrder(orderId, "PAYMENT_AUTHORIZED").get("orderNumber");

    // then the acknowledgement lists the products with their sizes, and tells how to return them
    Map<String, Object> mail = awaitMail("leo.mailbox@example.com", "Your order " + orderNumber + " is confirmed");
    assertThat((String) mail.get("body")).contains("Hello Leo Mailbox,",
        "- 2 x Organic cotton T-shirt, size/colour: Size L, item TSHIRT-ORG-L, 19.90 EUR each: 39.80 EUR",
        "- 1 x Commuter backpack 20 l, item BACKPACK-20L, 69.00 EUR each: 69.00 EUR",
        "Standard home delivery", "RETURNS").doesNotContain("pm_card_visa");

    // and customer service was told about the new order at its mailbox
    awaitMail("customer-service@shop.example", "New order " + orderNumber);
  }

  private Map<String, Object> awaitMail(String to, String subject) {
    return await().atMost(ShopClient.WAIT).until(() -> DemoUser.OPS.on(http).exchange("/api/dev/mailbox?to=" + to, HttpMethod.GET,
            null, LIST).getBody().stream().filter(m -> subject.equals(m.get("subject"))).findFirst(),
        java.util.Optional::isPresent).orElseThrow();
  }
}
