package io.orderflow.fulfillment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.fulfillment.testsupport.MariaDbDatabase;
import io.orderflow.fulfillment.testsupport.MariaDbJpaTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
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

/**
 * One payment authorization per order, enforced by MariaDB: what lets the authorize-payment worker run twice (two
 * workers, two transactions) without charging twice.
 */
@MariaDbJpaTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class PaymentAuthorizationMariaDbTest {

  @RegisterExtension
  static final MariaDbDatabase database = new MariaDbDatabase();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    database.registerProperties(registry);
  }

  private static final Instant NOW = Instant.parse("2026-09-15T14:30:00Z");

  @Autowired
  PaymentAuthorizationRepository authorizations;

  @Autowired
  JdbcTemplate jdbc;

  @Autowired
  PlatformTransactionManager txManager;

  @Test
  void aSecondAuthorizationForTheSameOrderIsRefusedByTheDatabase() {
    TransactionTemplate tx = new TransactionTemplate(txManager);
    String orderId = UUID.randomUUID().toString();
    tx.executeWithoutResult(s -> authorizations.saveAndFlush(
        PaymentAuthorization.approved(orderId, new BigDecimal("192.65"), "EUR", "auth_123", NOW)));

    assertThatThrownBy(() -> tx.executeWithoutResult(s -> authorizations.saveAndFlush(
        PaymentAuthorization.declined(orderId, new BigDecimal("192.65"), "EUR", "insufficient_funds", NOW))))
        .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("uq_payment_order");

    PaymentAuthorization stored = tx.execute(s -> authorizations.findByOrderId(orderId).orElseThrow());
    assertThat(stored.status()).isEqualTo(PaymentAuthorization.Status.AUTHORIZED);
    assertThat(stored.providerReference()).isEqualTo("auth_123");
    assertThat(stored.declineCode()).isNull();
    assertThat(jdbc.queryForObject("select count(*) from payment_authorization where order_id = ?", Integer.class,
        orderId)).isEqualTo(1);
    assertThat(jdbc.queryForObject("select amount from payment_authorization where order_id = ?", BigDecimal.class,
        orderId)).isEqualTo(new BigDecimal("192.65"));
  }

  @Test
  void otherOrdersAreAuthorizedIndependently() {
    TransactionTemplate tx = new TransactionTemplate(txManager);
    String first = UUID.randomUUID().toString();
    String second = UUID.randomUUID().toString();
    tx.executeWithoutResult(s -> authorizations.saveAndFlush(
        PaymentAuthorization.approved(first, new BigDecimal("19.90"), "EUR", "auth_1", NOW)));
    tx.executeWithoutResult(s -> authorizations.saveAndFlush(
        PaymentAuthorization.declined(second, new BigDecimal("0.01"), "EUR", "card_expired", NOW)));

    String declineCode = tx.execute(s -> authorizations.findByOrderId(second).orElseThrow().declineCode());
    assertThat(declineCode).isEqualTo("card_expired");
  }
}
