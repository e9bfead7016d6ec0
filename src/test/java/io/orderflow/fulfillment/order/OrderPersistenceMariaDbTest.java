package io.orderflow.fulfillment.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.orderflow.fulfillment.catalog.Catalog;
import io.orderflow.fulfillment.catalog.Product;
import io.orderflow.fulfillment.order.OrderService.Address;
import io.orderflow.fulfillment.order.OrderService.Customer;
import io.orderflow.fulfillment.order.OrderService.LineSummary;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.OrderService.PlaceOrder;
import io.orderflow.fulfillment.order.OrderService.RequestedLine;
import io.orderflow.fulfillment.testsupport.MariaDbDatabase;
import io.orderflow.fulfillment.testsupport.MariaDbJpaTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Orders with their lines through OrderService and OrderRepository on MariaDB, in committed transactions. */
@MariaDbJpaTest
@Import({OrderService.class, Catalog.class, io.orderflow.fulfillment.routing.Geocoder.class, DeliveryOptions.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class OrderPersistenceMariaDbTest {

  @RegisterExtension
  static final MariaDbDatabase database = new MariaDbDatabase();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    database.registerProperties(registry);
  }

  @Autowired
  OrderService orders;

  @Autowired
  OrderRepository repository;

  @Autowired
  Catalog catalog;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  PlatformTransactionManager txManager;

  @Autowired
  SettableClock clock;

  TransactionTemplate tx;

  @BeforeEach
  void setUp() {
    tx = new TransactionTemplate(txManager);
  }

  @Test
  void anOrderWithItsLinesSurvivesTheRoundTripExactly() {
    Instant placedAt = Instant.parse("2026-03-29T01:30:00.123456Z"); // microseconds, as timestamp(6) keeps them
    clock.set(placedAt);
    Instant storedPlacedAt = asWritten(placedAt);

    OrderSummary placed = orders.place(new PlaceOrder(
        new Customer("Zoë Łukasiewicz-Иванова 📦", "zoe@example.com", "+34 600 000 000"),
        new Address("Calle de Alcalá 1, 3º", "28014", "Madrid", "ES"),
        List.of(new RequestedLine("TSHIRT-ORG-M", 3), new RequestedLine("SNEAKER-TRAIL-42", 1),
            new RequestedLine("COFFEE-BEANS-1KG", 2)),
        "CARD", "tok_4242"));

    OrderSummary read = orders.summary(placed.id()); // a new transaction, a new persistence context
    assertThat(read.orderNumber()).isEqualTo(placed.orderNumber()).matches("ORD-[2-9A-HJ-NP-Z]{8}");
    assertThat(read.status()).isEqualTo(OrderStatus.PLACED);
    assertThat(read.customer()).isEqualTo(new Customer("Zoë Łukasiewicz-Иванова 📦", "zoe@example.com", "+34 600 000 000"));
    assertThat(read.shippingAddress()).isEqualTo(new Address("Calle de Alcalá 1, 3º", "28014", "Madrid", "ES"));
    assertThat(read.currency()).isEqualTo(Currency.getInstance("EUR"));
    // BigDecimal.equals: same value AND scale 2
    assertThat(read.totalAmount()).isEqualTo(new BigDecimal("192.65"));
    assertThat(read.lines()).containsExactly(
        new LineSummary(1, "TSHIRT-ORG-M", "Organic cotton T-shirt (Size M)", 3, new BigDecimal("19.90"), new BigDecimal("59.70"), 0),
        new LineSummary(2, "SNEAKER-TRAIL-42", "Trail running shoes (EU 42)", 1, new BigDecimal("89.95"), new BigDecimal("89.95"), 0),
        new LineSummary(3, "COFFEE-BEANS-1KG", "Espresso beans 1 kg", 2, new BigDecimal("21.50"), new BigDecimal("43.00"), 0));
    assertThat(read.placedAt()).isEqualTo(storedPlacedAt);
    assertThat(read.updatedAt()).isEqualTo(storedPlacedAt);
    assertThat(read.processInstanceKey()).isNull();
    assertThat(read.warehouseId()).isNull();

    // The stored value is the right instant for any client, whatever the session time zone.
    assertThat(jdbc.queryForObject("select unix_timestamp(placed_at) from customer_order where id = ?",
        BigDecimal.class, placed.id())).isEqualByComparingTo(epochSeconds(storedPlacedAt));
    assertThat(jdbc.queryForObject("select total_amount from customer_order where id = ?", BigDecimal.class,
        placed.id())).isEqualTo(new BigDecimal("192.65"));
    assertThat(version(placed.id())).isZero();
  }

  @Test
  void theCatalogueThatPricesOrdersIsReadWithExactPricesAndFlags() {
    Map<String, Product> products = catalog.bySku(List.of("HEADPHONES-BT", "MUG-CERAMIC", "NO-SUCH-SKU"));

    assertThat(products).containsOnlyKeys("HEADPHONES-BT", "MUG-CERAMIC");
    Product headphones = products.get("HEADPHONES-BT");
    assertThat(headphones.price()).isEqualTo(new BigDecimal("129.00"));
    assertThat(headphones.serialized()).isTrue(); // boolean is tinyint(1) on MariaDB/MySQL
    assertThat(headphones.variant()).isNull();
    assertThat(headphones.currency()).isEqualTo(Currency.getInstance("EUR"));
    assertThat(products.get("MUG-CERAMIC").serialized()).isFalse();
    assertThat(products.get("MUG-CERAMIC").price()).isEqualTo(new BigDecimal("12.00"));
  }

  @Test
  void everyCommittedChangeIncrementsTheVersionAndKeepsPlacedAt() {
    Instant placedAt = Instant.parse("2026-05-04T10:15:30.000001Z");
    clock.set(placedAt);
    Instant storedPlacedAt = asWritten(placedAt);
    String id = placeOneShirt().id();
    assertThat(version(id)).isZero();

    Instant reservedAt = placedAt.plus(Duration.ofMillis(1500)).plusNanos(999_000);
    clock.set(reservedAt);
    orders.stockReserved(id, "nearest", List.of(new OrderService.PlannedParcel("madrid", new BigDecimal("4.2"), 180),
        new OrderService.PlannedParcel("warsaw", new BigDecimal("2010.7"), 90)), Map.of());
    assertThat(version(id)).isEqualTo(1);
    orders.quoted(id, Map.of(1, new OrderService.ShipmentQuote(new BigDecimal("4.90"), 2),
        2, new OrderService.ShipmentQuote(new BigDecimal("11.50"), 4)), reservedAt.plusSeconds(1800));
    orders.quoteAccepted(id);
    assertThat(version(id)).isEqualTo(3);

    clock.set(reservedAt.plusSeconds(60));
    orders.paymentAuthorized(id);
    orders.paymentAuthorized(id); // a job delivered twice: nothing changes, no new version
    assertThat(version(id)).isEqualTo(4);

    OrderSummary read = orders.summary(id);
    assertThat(read.status()).isEqualTo(OrderStatus.PAYMENT_AUTHORIZED);
    assertThat(read.warehouseId()).isEqualTo("madrid");
    assertThat(read.shipments()).extracting(OrderService.ShipmentSummary::shipmentNo,
        OrderService.ShipmentSummary::warehouseId, OrderService.ShipmentSummary::distanceKm,
        OrderService.ShipmentSummary::shippingCost, OrderService.ShipmentSummary::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "madrid", new BigDecimal("4.2"), new BigDecimal("4.90"), "PLANNED"),
            org.assertj.core.groups.Tuple.tuple(2, "warsaw", new BigDecimal("2010.7"), new BigDecimal("11.50"), "PLANNED"));
    assertThat(read.quote().shippingCost()).isEqualTo(new BigDecimal("16.40"));
    assertThat(read.quote().validUntil()).isEqualTo(asWritten(reservedAt.plusSeconds(1800)));
    assertThat(read.placedAt()).as("placed_at must not follow updates (no ON UPDATE CURRENT_TIMESTAMP)")
        .isEqualTo(storedPlacedAt);
    assertThat(read.updatedAt()).isEqualTo(asWritten(reservedAt.plusSeconds(60)));
  }

  @Test
  void aStaleCopyOfTheOrderCannotOverwriteANewerVersion() {
    clock.set(Instant.parse("2026-06-01T08:00:00Z"));
    String id = placeOneShirt().id();
    TransactionTemplate requiresNew = new TransactionTemplate(txManager);
    requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

    assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
      CustomerOrder stale = repository.findWithLinesById(id).orElseThrow(); // version 0
      requiresNew.executeWithoutResult(s2 -> orders.stockReserved(id, "nearest",
          List.of(new OrderService.PlannedParcel("warsaw", BigDecimal.ONE, 90)), Map.of())); // committed: version 1
      stale.cancel("customer changed their mind", clock.instant());
      repository.flush();
    })).isInstanceOf(ObjectOptimisticLockingFailureException.class);

    OrderSummary read = orders.summary(id);
    assertThat(read.status()).isEqualTo(OrderStatus.STOCK_RESERVED);
    assertThat(read.cancellationReason()).isNull();
    assertThat(version(id)).isEqualTo(1);
  }

  @Test
  void timestampColumnsKeepMicrosecondsAndHibernateReadsThemBack() {
    clock.set(Instant.parse("2026-07-01T12:00:00Z"));
    String id = placeOneShirt().id();
    // Written by SQL, as MySQL 8 receives it from Connector/J; from_unixtime makes it independent of the session zone.
    jdbc.update("update customer_order set placed_at = from_unixtime(1782907200.654321) where id = ?", id);

    assertThat(orders.summary(id).placedAt()).isEqualTo(Instant.parse("2026-07-01T12:00:00.654321Z"));
  }

  @Test
  void sub_microsecondDigitsAreTheMostThatIsLost() {
    Instant withNanos = Instant.parse("2026-07-01T12:00:00.987654321Z");
    clock.set(withNanos);
    String id = placeOneShirt().id();
    Instant stored = orders.summary(id).placedAt();
    // MariaDB truncates to .987654, MySQL 8 rounds (to .987654 here: the next digit is 3)
    assertThat(Duration.between(stored, asWritten(withNanos)).abs()).isLessThan(Duration.ofNanos(1000));
  }

  @Test
  void connectorJOnMariaDb10WritesWholeSecondsOnly() {
    assumeFalse(database.driverWritesFractionalSeconds(), "the driver writes fractional seconds to this server");
    clock.set(Instant.parse("2026-07-02T12:00:00.5Z"));
    String id = placeOneShirt().id();

    // Known limitation of the test set-up, not of production on MySQL 8: the driver sees "5.5.5-10.x" and
    // drops the fraction before it reaches the server.
    assertThat(orders.summary(id).placedAt()).isEqualTo(Instant.parse("2026-07-02T12:00:00Z"));
  }

  @Test
  void ordersWithoutProcessAreFoundByStatusAndAge() {
    clock.set(Instant.parse("2026-08-01T09:00:00Z"));
    String stranded = placeOneShirt().id();
    String started = placeOneShirt().id();
    orders.processStarted(started, 2251799813685249L);
    clock.set(Instant.parse("2026-08-01T09:00:01Z"));
    String recent = placeOneShirt().id();

    clock.set(Instant.parse("2026-08-01T09:00:11Z")); // "older than 10 s": placed before 09:00:01
    assertThat(orders.withoutProcess(Duration.ofSeconds(10), 100)).extracting(OrderSummary::id)
        .contains(stranded).doesNotContain(started, recent);
    assertThat(orders.summary(started).processInstanceKey()).isEqualTo(2251799813685249L);
  }

  private OrderSummary placeOneShirt() {
    return orders.place(new PlaceOrder(new Customer("Ana", "ana@example.com", null),
        new Address("Rynek 1", "00-001", "Warszawa", "PL"), List.of(new RequestedLine("TSHIRT-ORG-S", 1)), "CARD",
        "tok_1"));
  }

  /** The instant as this driver and server store it (see {@link MariaDbDatabase#driverWritesFractionalSeconds()}). */
  private static Instant asWritten(Instant instant) {
    return database.asWritten(instant);
  }

  private static BigDecimal epochSeconds(Instant instant) {
    return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9));
  }

  private int version(String orderId) {
    return jdbc.queryForObject("select version from customer_order where id = ?", Integer.class, orderId);
  }

  /** The service's clock, set by each test. */
  static final class SettableClock extends Clock {

    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class ClockConfiguration {

    @Bean
    @Primary
    SettableClock settableClock() {
      return new SettableClock();
    }
  }
}
