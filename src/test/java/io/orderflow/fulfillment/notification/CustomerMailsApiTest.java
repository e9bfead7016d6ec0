package io.orderflow.fulfillment.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.orderflow.fulfillment.testsupport.DemoUser;
import io.orderflow.fulfillment.testsupport.ShopClient;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The customer's e-mails as they arrive at the app's SMTP server (GreenMail), in the language chosen at checkout, from
 * confirmation to delivery. Same context as the other API tests; SKUs no other API test counts stock of (TSHIRT-ORG-S,
 * MUG-CERAMIC in Madrid, HEADPHONES-BT in Sofia).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"fulfillment.engine.port=0", "fulfillment.orders.start-retry-interval=PT1H"})
class CustomerMailsApiTest {

  static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired GreenMail smtp;

  @Test
  @DisplayName("A customer who chose Spanish at checkout gets the confirmation in Spanish: sizes, amounts, how to return")
  void spanishConfirmation() throws MessagingException {
    // given a cart with a size variant and a product without one
    ShopClient shop = new ShopClient(http, jdbc);
    String email = "inigo." + UUID.randomUUID() + "@example.com";
    String cart = (String) shop.post("/api/carts", null).getBody().get("id");
    shop.post("/api/carts/" + cart + "/lines", Map.of("sku", "TSHIRT-ORG-S", "quantity", 1));
    shop.post("/api/carts/" + cart + "/lines", Map.of("sku", "MUG-CERAMIC", "quantity", 2));
    Map<String, Object> slot = shop.exchange("/api/delivery-slots?method=STANDARD", HttpMethod.GET, null, LIST)
        .getBody().get(0);

    // when the customer checks out in Spanish, accepts the quote and the card is authorized
    ResponseEntity<Map<String, Object>> placed = shop.post("/api/carts/" + cart + "/checkout", Map.of(
        "customer", Map.of("name", "Íñigo Muñoz", "email", email),
        "shippingAddress", Map.of("street", "Calle de Alcalá 5", "postalCode", "28013", "city", "Madrid",
            "country", "ES"),
        "delivery", Map.of("method", "STANDARD", "slot", slot),
        "payment", ShopClient.card("pm_card_visa"),
        "language", "es"));
    assertThat(placed.getStatusCode()).as("checkout: %s", placed.getBody()).isEqualTo(HttpStatus.CREATED);
    assertThat(placed.getBody()).containsEntry("language", "es");
    String orderId = (String) placed.getBody().get("id");
    shop.acceptQuote(orderId);
    String orderNumber = (String) shop.awaitOrder(orderId, "PAYMENT_AUTHORIZED").get("orderNumber");

    // then the confirmation arrives in Spanish, UTF-8 intact
    MimeMessage mail = awaitReceived(email, "Su pedido " + orderNumber + " está confirmado");
    String text = MailTestData.plainText(mail);
    assertThat(text).contains("Hola, Íñigo Muñoz:", "Gracias por su pedido.",
        "- 1 x Organic cotton T-shirt, talla/color: Size S, artículo TSHIRT-ORG-S, 19,90 EUR la unidad: 19,90 EUR",
        "- 2 x Ceramic mug 350 ml, artículo MUG-CERAMIC, 12,00 EUR la unidad: 24,00 EUR",
        "Entrega estándar a domicilio", "España", "DEVOLUCIONES",
        "¿Ha cambiado de opinión? Puede devolver los artículos sin usar en su embalaje original en un plazo de 30 días",
        "1. Solicite la devolución en la página de su pedido, o responda a este correo",
        "Un cordial saludo,")
        .doesNotContain("Hello", "RETURNS", "Números de serie");
    assertThat(mail.getHeader("Content-Language", null)).isEqualTo("es");
    assertThat(mail.getContentType()).startsWith("multipart/");
  }

  @Test
  @DisplayName("A Bulgarian customer's serialized order: the shipped mail names the tracking number with its links and "
      + "the picked serial numbers, the delivered mail confirms and says how to return")
  @SuppressWarnings("unchecked")
  void shippedAndDeliveredMails() throws MessagingException {
    // given a Bulgarian customer's order of a serialized product, paid
    ShopClient shop = new ShopClient(http, jdbc);
    String email = "bg." + UUID.randomUUID() + "@example.com";
    Map<String, Object> body = new HashMap<>(ShopClient.orderBody("BG", ShopClient.card("pm_card_visa"),
        Map.of("HEADPHONES-BT", 2)));
    body.put("customer", Map.of("name", "Мария Иванова", "email", email));
    body.put("language", "bg");
    String orderId = (String) shop.place(body).get("id");
    shop.acceptQuote(orderId);
    Map<String, Object> paid = shop.awaitOrder(orderId, "PAYMENT_AUTHORIZED");
    String orderNumber = (String) paid.get("orderNumber");
    String warehouse = (String) ((List<Map<String, Object>>) paid.get("shipments")).get(0).get("warehouseId");

    // the confirmation, sent before picking, knows no serial numbers yet
    String confirmation = MailTestData.plainText(awaitReceived(email, "Вашата поръчка " + orderNumber
        + " е потвърдена"));
    assertThat(confirmation).contains("Здравейте, Мария Иванова,", "Wireless headphones", "ВРЪЩАНЕ",
        "в срок от 30 дни след доставката").doesNotContain("Серийни номера");

    // when the warehouse picks (scanning serial numbers), packs and hands the parcel to the courier
    Map<String, Object> pick = shop.awaitTask(DemoUser.pickerIn(warehouse), orderId, "UserTask_PickOrder");
    Map<String, Object> pickList = shop.scanPickList(pick);
    List<String> serials = (List<String>) ((List<Map<String, Object>>) pickList.get("lines")).get(0)
        .get("serialNumbers");
    assertThat(serials).hasSize(2);
    shop.completeTask(pick, Map.of("allLinesPicked", true));
    shop.completeTask(shop.awaitTask(DemoUser.pickerIn(warehouse), orderId, "UserTask_PackOrder"), ShopClient.PACKED);
    shop.labelAndHandOver(warehouse, orderId);
    Map<String, Object> shipped = shop.awaitOrder(orderId, "SHIPPED");
    String trackingNumber = (String) ((List<Map<String, Object>>) shipped.get("shipments")).get(0)
        .get("trackingNumber");

    // then the shipped mail names the tracking number, links to the tracking page and API, lists the serials
    String shippedMail = MailTestData.plainText(awaitReceived(email, "Вашата поръчка " + orderNumber + " е на път"));
    assertThat(shippedMail).contains("Номер за проследяване: " + trackingNumber,
        "Пратка 1: " + trackingNumber,
        "Проследете пратката си: http://localhost:8080/track/" + trackingNumber,
        "Данни за проследяване (API): http://localhost:8080/api/tracking/" + trackingNumber,
        "Серийни номера: " + String.join(", ", serials));
    assertThat(shippedMail).containsOnlyOnce(serials.get(0));
    assertThat(shop.get("/api/tracking/" + trackingNumber)).as("the API link's path answers").isNotEmpty();

    // and once the courier delivers, the delivered mail confirms it and repeats how to return
    shop.deliverAll(orderId);
    String delivered = MailTestData.plainText(awaitReceived(email, "Вашата поръчка " + orderNumber
        + " е доставена"));
    assertThat(delivered).contains("Вашата поръчка е доставена", "Нещо не е наред?",
        "в срок от 30 дни след доставката", "1. Заявете връщането на страницата на поръчката си",
        "Серийни номера: " + String.join(", ", serials));
  }

  @Test
  @SuppressWarnings("unchecked")
  @DisplayName("A language the shop does not write in is refused with a problem naming the field; none means English")
  void unsupportedLanguage() {
    ShopClient shop = new ShopClient(http, jdbc);
    Integer before = jdbc.queryForObject("select count(*) from customer_order", Integer.class);
    Map<String, Object> body = new HashMap<>(ShopClient.orderBody("ES", ShopClient.card("pm_card_visa"),
        Map.of("MUG-CERAMIC", 1)));

    for (String language : List.of("de", "ES", "es-ES", "")) {
      body.put("language", language);
      ResponseEntity<Map<String, Object>> refused = shop.post("/api/orders", body);
      assertThat(refused.getStatusCode()).as(language).isEqualTo(HttpStatus.BAD_REQUEST);
      assertThat(refused.getHeaders().getContentType().toString()).contains("application/problem+json");
      assertThat((List<Map<String, Object>>) refused.getBody().get("errors")).as(language)
          .containsExactly(Map.of("field", "language", "message", "must be one of en, es, pl, bg"));
    }
    assertThat(jdbc.queryForObject("select count(*) from customer_order", Integer.class)).isEqualTo(before);

    body.remove("language");
    assertThat(shop.place(body)).containsEntry("language", "en");
  }

  private MimeMessage awaitReceived(String to, String subject) {
    return await().atMost(ShopClient.WAIT).until(() -> Arrays.stream(smtp.getReceivedMessages())
        .filter(m -> is(m, to, subject)).findFirst(), Optional::isPresent).orElseThrow();
  }

  private static boolean is(MimeMessage message, String to, String subject) {
    try {
      return subject.equals(message.getSubject()) && message.getRecipients(Message.RecipientType.TO) != null
          && Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(to));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
