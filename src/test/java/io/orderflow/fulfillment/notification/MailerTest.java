package io.orderflow.fulfillment.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.orderflow.fulfillment.catalog.Catalog;
import io.orderflow.fulfillment.notification.Mailer.Run;
import io.orderflow.fulfillment.notification.Notifications.NotificationView;
import io.orderflow.fulfillment.order.DeliveryMethod;
import io.orderflow.fulfillment.order.DeliveryOptions;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.Address;
import io.orderflow.fulfillment.order.OrderService.Customer;
import io.orderflow.fulfillment.order.OrderService.Delivery;
import io.orderflow.fulfillment.order.OrderService.PlaceOrder;
import io.orderflow.fulfillment.order.OrderService.PlannedParcel;
import io.orderflow.fulfillment.order.OrderService.RequestedLine;
import io.orderflow.fulfillment.order.OrderService.ShipmentQuote;
import io.orderflow.fulfillment.routing.Geocoder;
import io.orderflow.fulfillment.testsupport.MariaDbDatabase;
import io.orderflow.fulfillment.testsupport.MariaDbJpaTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sender against a real SMTP server (GreenMail, started by the test on a free port) and the real MariaDB, with
 * orders placed through the real order service and notifications written by the real notification service.
 */
@MariaDbJpaTest
@Import({Notifications.class, OrderService.class, Catalog.class, Geocoder.class, DeliveryOptions.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@ExtendWith(OutputCaptureExtension.class)
class MailerTest {

  @RegisterExtension
  static final MariaDbDatabase database = new MariaDbDatabase();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    database.registerProperties(registry);
  }

  static final int SMTP_PORT = freePort();
  static final AtomicInteger customers = new AtomicInteger();

  @Autowired Notifications notifications;
  @Autowired OrderService orders;
  @Autowired NotificationRepository repository;
  @Autowired PlatformTransactionManager txManager;
  @Autowired JdbcTemplate jdbc;

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
  final MailSettings settings = MailTestData.settings(true, Duration.ofSeconds(30), 3);
  GreenMail smtp;

  @BeforeEach
  void startSmtpServer() {
    jdbc.update("delete from notification");
    smtp = smtpServer();
    smtp.start();
  }

  @AfterEach
  void stopSmtpServer() {
    smtp.stop();
  }

  @Test
  @DisplayName("The customer gets the acknowledgement with the products; departments get theirs at their mailboxes; "
      + "a second run sends nothing again")
  void customerAndDepartmentMails(CapturedOutput log) throws Exception {
    // given an accepted, paid order whose customer consented to marketing, and what the process steps recorded
    String email = newCustomerEmail();
    String orderId = paidOrder(email);
    String orderNumber = orders.summary(orderId).orderNumber();
    notifications.acknowledge(orderId);
    notifications.notify(orderId, Audience.CUSTOMER_SERVICE, "NEW_ORDER", "step-1");
    notifications.notify(orderId, Audience.FINANCE, "PAYMENT_SECURED", "step-2");
    notifications.notify(orderId, Audience.MARKETING, "CONSENTING_CUSTOMER", "step-3");
    Mailer mailer = mailer(settings);

    // when
    Run run = mailer.sendDue();

    // then
    assertThat(run).isEqualTo(new Run(4, 0, 0));
    Map<String, MimeMessage> byRecipient = Arrays.stream(smtp.getReceivedMessages())
        .collect(Collectors.toMap(MailerTest::recipient, Function.identity()));
    assertThat(byRecipient).containsOnlyKeys(email, "customer-service@shop.example", "finance@shop.example",
        "marketing@shop.example");

    MimeMessage customer = byRecipient.get(email);
    assertThat(customer.getSubject()).isEqualTo("Your order " + orderNumber + " is confirmed");
    assertThat(((InternetAddress) customer.getFrom()[0]).getAddress()).isEqualTo("orders@shop.example");
    assertThat(((InternetAddress) customer.getReplyTo()[0]).getAddress()).isEqualTo("customer-service@shop.example");
    String raw = GreenMailUtil.getWholeMessage(customer);
    assertThat(raw).contains("multipart/alternative", "text/plain", "text/html");
    assertThat(customer.getHeader("Content-Language", null)).isEqualTo("en");
    String text = MailTestData.plainText(customer);
    assertThat(text).contains("Hello Ana García,",
        "- 2 x Organic cotton T-shirt (Size M), item TSHIRT-ORG-M, 19.90 EUR each: 39.80 EUR",
        "- 1 x Trail running shoes (EU 42), item SNEAKER-TRAIL-42, 89.95 EUR each: 89.95 EUR",
        "Shipping: 4.90 EUR", "Total due: 134.65 EUR", "Express delivery", "Calle Mayor 1", "28013 Madrid",
        "RETURNS");
    assertThat(raw).doesNotContain("pm_card_visa");

    assertThat(byRecipient.get("customer-service@shop.example").getSubject()).isEqualTo("New order " + orderNumber);
    assertThat(byRecipient.get("finance@shop.example").getSubject()).isEqualTo("Payment secured for order "
        + orderNumber);
    String marketing = MailTestData.plainText(byRecipient.get("marketing@shop.example"));
    assertThat(marketing).contains("consented to marketing").doesNotContain("T-shirt", "Calle Mayor");

    assertThat(notifications.ofOrder(orderId)).extracting(NotificationView::mail).containsOnly("SENT");
    assertThat(notifications.ofOrder(orderId)).extracting(NotificationView::sentAt).containsOnly(clock.instant());

    // and the log names order and topic, but shows no address in full and no body
    assertThat(log.getOut()).contains("Order " + orderId, "ORDER_ACKNOWLEDGED", "a***@example.com")
        .doesNotContain(email, "customer-service@shop.example", "Organic cotton");

    // when the sender runs again, nothing is sent again
    clock.advance(Duration.ofHours(1));
    assertThat(mailer.sendDue()).isEqualTo(Run.NOTHING);
    assertThat(smtp.getReceivedMessages()).hasSize(4);
  }

  @Test
  @DisplayName("Two senders running at the same time (two app instances) send every notification exactly once")
  void concurrentSendersSendEachOnce() throws Exception {
    // given 12 notifications of 3 orders
    for (int i = 0; i < 3; i++) {
      String orderId = paidOrder(newCustomerEmail());
      notifications.acknowledge(orderId);
      notifications.notify(orderId, Audience.CUSTOMER_SERVICE, "NEW_ORDER", "step-1");
      notifications.notify(orderId, Audience.FINANCE, "PAYMENT_SECURED", "step-2");
      notifications.notify(orderId, Audience.WAREHOUSE, "ORDER_READY", "step-3");
    }
    MailSettings bigBatches = new MailSettings(true, settings.from(), settings.pollInterval(), 50, settings.lease(),
        3, settings.initialBackoff(), settings.maxBackoff(), settings.departments(), settings.embeddedSmtp());
    Mailer instanceA = mailer(bigBatches);
    Mailer instanceB = mailer(bigBatches);

    // when both run at once
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Run> a = threads.submit(() -> {
        start.await();
        return instanceA.sendDue();
      });
      Future<Run> b = threads.submit(() -> {
        start.await();
        return instanceB.sendDue();
      });
      start.countDown();

      // then every notification went out once, and nothing is left
      assertThat(a.get().sent() + b.get().sent()).isEqualTo(12);
    } finally {
      threads.shutdownNow();
    }
    List<String> ids = Arrays.stream(smtp.getReceivedMessages())
        .map(m -> header(m, "X-Orderflow-Notification")).toList();
    assertThat(ids).hasSize(12).doesNotHaveDuplicates();
    assertThat(jdbc.queryForObject("select count(*) from notification where sent_at is null", Integer.class)).isZero();
    assertThat(instanceA.sendDue()).isEqualTo(Run.NOTHING);
    assertThat(instanceB.sendDue()).isEqualTo(Run.NOTHING);
  }

  @Test
  @DisplayName("While the SMTP server is down the error is recorded and the mail waits its backoff; once the server "
      + "is back the mail goes out")
  void smtpOutageIsRecordedAndRetriedWithBackoff() throws Exception {
    // given two notifications and a stopped SMTP server
    String email = newCustomerEmail();
    String orderId = paidOrder(email);
    notifications.acknowledge(orderId);
    notifications.notify(orderId, Audience.CUSTOMER_SERVICE, "NEW_ORDER", "step-1");
    Mailer mailer = mailer(settings);
    smtp.stop();

    // when the sender runs
    Run failed = mailer.sendDue();

    // then one attempt failed and was recorded; the run stopped there, so the other notification lost no attempt
    assertThat(failed).isEqualTo(new Run(0, 1, 0));
    List<NotificationView> views = notifications.ofOrder(orderId);
    NotificationView tried = views.get(0);
    assertThat(tried.mail()).isEqualTo("RETRYING");
    assertThat(tried.attempts()).isEqualTo(1);
    assertThat(tried.lastError()).contains("Mail server connection failed").contains("ConnectException");
    assertThat(tried.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(30));
    assertThat(views.get(1).attempts()).isZero();

    // and a run before the backoff does not try it again (the other notification gets its first attempt)
    assertThat(mailer.sendDue()).isEqualTo(new Run(0, 1, 0));
    assertThat(mailer.sendDue()).isEqualTo(Run.NOTHING);
    assertThat(notifications.ofOrder(orderId)).extracting(NotificationView::attempts).containsExactly(1, 1);

    // when the server is back, nothing goes out before the backoff has passed
    smtp = smtpServer();
    smtp.start();
    assertThat(mailer.sendDue()).isEqualTo(Run.NOTHING);
    assertThat(smtp.getReceivedMessages()).isEmpty();

    // then after it the mails go out
    clock.advance(Duration.ofSeconds(30));
    assertThat(mailer.sendDue()).isEqualTo(new Run(2, 0, 0));
    assertThat(smtp.getReceivedMessages()).extracting(MailerTest::recipient)
        .containsExactlyInAnyOrder(email, "customer-service@shop.example");
    assertThat(notifications.ofOrder(orderId)).extracting(NotificationView::mail).containsOnly("SENT");
    assertThat(notifications.ofOrder(orderId)).extracting(NotificationView::attempts).containsOnly(2);
  }

  @Test
  @DisplayName("A notification that can never be sent (its order does not exist) fails at once and visibly")
  void impossibleMailFailsAtOnce() {
    long id = repository.saveAndFlush(new Notification("no-such-order", Audience.CUSTOMER.code(),
        "ORDER_ACKNOWLEDGED", "step-1", "To someone", null, clock.instant())).id();

    assertThat(mailer(settings).sendDue()).isEqualTo(new Run(0, 0, 1));

    Notification row = repository.findById(id).orElseThrow();
    assertThat(row.failedAt()).isEqualTo(clock.instant());
    assertThat(row.lastError()).contains("Order 'no-such-order' not found");
    assertThat(smtp.getReceivedMessages()).isEmpty();
  }

  @Test
  @DisplayName("Purchasing's mail about a purchase order (no customer order): recorded once per step, sent to "
      + "purchasing's mailbox with the purchase order in the subject and one line per fact; the database refuses a "
      + "second one and a notification about nothing")
  void mailAboutAPurchaseOrder() throws Exception {
    // given what a notify-purchasing step recorded, twice
    List<String> facts = List.of("Line 1: SMARTWATCH-S2 (Smartwatch S2): received 10, damaged 1, accepted 8 - OVER 1, "
        + "DAMAGED 1", "Line 2: YOGA-MAT (Yoga mat): received 2, damaged 0, accepted 2 - SHORT 3");
    String summary = "Receipt 2 of purchase order PO-2026-000042 from Voltware Electronics Sp. z o.o. (voltware) "
        + "differs from what the supplier owes.";
    assertThat(notifications.notifyDepartment(Audience.PURCHASING, "PO-2026-000042", "RECEIPT_DISCREPANCY", "step-9",
        summary, facts)).isTrue();
    assertThat(notifications.notifyDepartment(Audience.PURCHASING, "PO-2026-000042", "RECEIPT_DISCREPANCY", "step-9",
        summary, facts)).as("the same step again").isFalse();

    // when
    Run run = mailer(settings).sendDue();

    // then
    assertThat(run).isEqualTo(new Run(1, 0, 0));
    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(recipient(mail)).isEqualTo("purchasing@shop.example");
    assertThat(mail.getSubject()).isEqualTo("Purchase order PO-2026-000042: the delivery does not match the order");
    assertThat(mail.getHeader("X-Orderflow-Reference", null)).isEqualTo("PO-2026-000042");
    assertThat(mail.getHeader("X-Orderflow-Order", null)).isNull();
    String text = GreenMailUtil.getBody(mail);
    assertThat(text).contains("Hello purchasing,", "Please claim with the supplier.", "PO-2026-000042",
        "- Line 1: SMARTWATCH-S2 (Smartwatch S2): received 10, damaged 1, accepted 8 - OVER 1, DAMAGED 1",
        "- Line 2: YOGA-MAT (Yoga mat): received 2, damaged 0, accepted 2 - SHORT 3");
    assertThat(notifications.about("PO-2026-000042")).singleElement().satisfies(n -> {
      assertThat(n.orderId()).isNull();
      assertThat(n.reference()).isEqualTo("PO-2026-000042");
      assertThat(n.mail()).isEqualTo("SENT");
    });
    assertThat(notifications.forAudience(Audience.PURCHASING, 10)).extracting(NotificationView::reference)
        .contains("PO-2026-000042");

    // and the database keeps it once per step, and never about nothing
    String insert = "insert into notification (order_id, reference, audience, topic, dedup_key, summary, created_at) "
        + "values (?, ?, 'purchasing', 'RECEIPT_DISCREPANCY', 'step-9', 'x', current_timestamp)";
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(insert, null, "PO-2026-000042"))
        .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(insert, new Object[] {null, null}))
        .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
  }

  @Test
  @DisplayName("A customer's mail about a campaign offer (no order): recorded once per offer, sent to the customer's "
      + "address with the offer's facts")
  void mailAboutACampaignOffer() throws Exception {
    // given what a send-campaign-offers step recorded, twice
    String offerId = java.util.UUID.randomUUID().toString();
    List<String> facts = List.of("Organic T-shirt (TSHIRT-ORG-M): 16.00 EUR instead of 20.00 EUR");
    assertThat(notifications.notifyCustomerAbout("offer.reader@example.com", offerId, "CAMPAIGN_OFFER", "offer",
        "Loyal tees: 20 % off for you", facts)).isTrue();
    assertThat(notifications.notifyCustomerAbout("offer.reader@example.com", offerId, "CAMPAIGN_OFFER", "offer",
        "Loyal tees: 20 % off for you", facts)).as("the same offer again").isFalse();

    // when
    Run run = mailer(settings).sendDue();

    // then
    assertThat(run).isEqualTo(new Run(1, 0, 0));
    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(recipient(mail)).isEqualTo("offer.reader@example.com");
    assertThat(mail.getSubject()).isEqualTo("An offer for you: " + offerId);
    assertThat(GreenMailUtil.getBody(mail)).contains("Loyal tees: 20 % off for you",
        "- Organic T-shirt (TSHIRT-ORG-M): 16.00 EUR instead of 20.00 EUR");
  }

  private Mailer mailer(MailSettings mailSettings) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(SMTP_PORT);
    sender.setDefaultEncoding("UTF-8");
    sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
    sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
    return new Mailer(new MailOutbox(repository, txManager, clock, mailSettings), orders,
        new MailComposer(mailSettings, CustomerMailSettings.defaults()), ItemDetails.NONE, sender, mailSettings, clock);
  }

  /** An order that was reserved in Madrid, quoted (4.90 shipping), accepted and paid. */
  private String paidOrder(String email) {
    String id = orders.place(new PlaceOrder(new Customer("Ana García", email, null),
        new Address("Calle Mayor 1", "28013", "Madrid", "ES"),
        List.of(new RequestedLine("TSHIRT-ORG-M", 2), new RequestedLine("SNEAKER-TRAIL-42", 1)), "CARD",
        "pm_card_visa", new Delivery(DeliveryMethod.EXPRESS, null, null, null, true, "Happy birthday!", false, null),
        true)).id();
    orders.stockReserved(id, "nearest", List.of(new PlannedParcel("madrid", new BigDecimal("3.2"), 1090)), Map.of());
    orders.quoted(id, Map.of(1, new ShipmentQuote(new BigDecimal("4.90"), 1)), Instant.now().plusSeconds(1800));
    orders.quoteAccepted(id);
    orders.paymentAuthorized(id);
    return id;
  }

  private static String newCustomerEmail() {
    return "ana.garcia+" + customers.incrementAndGet() + "@example.com";
  }

  private static GreenMail smtpServer() {
    return new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  }

  private static String recipient(MimeMessage message) {
    try {
      return ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String header(MimeMessage message, String name) {
    try {
      return message.getHeader(name, null);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
