package io.orderflow.fulfillment.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.fulfillment.testsupport.MariaDbDatabase;
import io.orderflow.fulfillment.testsupport.MariaDbJpaTest;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The picking table of V8 on MariaDB: the unique keys behind "one row per unit" and "a serial once per SKU". */
@MariaDbJpaTest
@Transactional(propagation = Propagation.NOT_SUPPORTED) // what is checked here is committed state
@DisplayName("Pick scans on MariaDB")
class PickScanMariaDbTest {

  @RegisterExtension
  static final MariaDbDatabase database = new MariaDbDatabase();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    database.registerProperties(registry);
  }

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  @Autowired
  PickScanRepository scans;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  PlatformTransactionManager txManager;

  @Test
  @DisplayName("a serial number is stored once per SKU, in any order; another SKU may carry the same serial")
  void serialUniquePerSku() {
    String first = order();
    String second = order();
    commit(() -> scans.saveAndFlush(new PickScan(first, 1, "HEADPHONES-BT", 1, "SN-42", NOW)));

    assertThatThrownBy(() -> commit(() -> scans.saveAndFlush(new PickScan(second, 1, "HEADPHONES-BT", 1, "SN-42", NOW))))
        .isInstanceOf(DataIntegrityViolationException.class);
    commit(() -> scans.saveAndFlush(new PickScan(second, 1, "SMARTWATCH-S2", 1, "SN-42", NOW)));
    assertThat(scans.findBySkuAndSerialNumber("HEADPHONES-BT", "SN-42")).get().extracting(PickScan::orderId)
        .isEqualTo(first);
  }

  @Test
  @DisplayName("one row per unit of a parcel's line; units without serial numbers do not clash with each other")
  void oneRowPerUnit() {
    String orderId = order();
    commit(() -> scans.saveAndFlush(new PickScan(orderId, 1, "YOGA-MAT", 1, null, NOW)));
    commit(() -> scans.saveAndFlush(new PickScan(orderId, 1, "YOGA-MAT", 2, null, NOW)));
    commit(() -> scans.saveAndFlush(new PickScan(orderId, 2, "YOGA-MAT", 1, null, NOW)));

    assertThatThrownBy(() -> commit(() -> scans.saveAndFlush(new PickScan(orderId, 1, "YOGA-MAT", 2, null, NOW))))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> commit(() -> scans.saveAndFlush(new PickScan(orderId, 1, "YOGA-MAT", 0, null, NOW))))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(scans.findByOrderIdAndShipmentNoOrderById(orderId, 1)).extracting(PickScan::unitNo).containsExactly(1, 2);
  }

  @Test
  @DisplayName("completing the pick marks the parcel's scans picked once; only then are its serials the order's")
  void markPicked() {
    String orderId = order();
    commit(() -> scans.saveAndFlush(new PickScan(orderId, 1, "HEADPHONES-BT", 1, "SN-" + orderId, NOW)));
    commit(() -> scans.saveAndFlush(new PickScan(orderId, 1, "YOGA-MAT", 1, null, NOW)));
    assertThat(scans.findByOrderIdAndPickedAtIsNotNullAndSerialNumberIsNotNullOrderByShipmentNoAscSkuAscUnitNoAsc(orderId))
        .isEmpty();

    assertThat(scans.markPicked(orderId, 1, NOW)).isEqualTo(2);
    assertThat(scans.markPicked(orderId, 1, NOW)).isZero();
    assertThat(scans.findByOrderIdAndPickedAtIsNotNullAndSerialNumberIsNotNullOrderByShipmentNoAscSkuAscUnitNoAsc(orderId))
        .extracting(PickScan::serialNumber).containsExactly("SN-" + orderId);
  }

  private <T> T commit(Supplier<T> work) {
    return new TransactionTemplate(txManager).execute(status -> work.get());
  }

  private String order() {
    String id = UUID.randomUUID().toString();
    jdbc.update("""
        insert into customer_order (id, order_number, status, customer_name, customer_email, ship_street,
          ship_postal_code, ship_city, ship_country, currency, total_amount, payment_method, payment_reference,
          placed_at, updated_at)
        values (?, ?, 'QUOTE_ACCEPTED', 'Ana García', 'ana@example.com', 'Calle Mayor 1', '28013', 'Madrid', 'ES',
          'EUR', 51.80, 'CARD', 'pm_card_visa', ?, ?)""", id, "ORD-" + id.substring(0, 8).toUpperCase(),
        java.sql.Timestamp.from(NOW), java.sql.Timestamp.from(NOW));
    return id;
  }
}
