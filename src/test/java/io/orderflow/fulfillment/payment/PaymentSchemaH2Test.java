package io.orderflow.fulfillment.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V6__payments.sql on H2 in MySQL mode, the database of the embedded runtime (the same checks run on MariaDB in
 * {@link PaymentRecordsMariaDbTest}).
 */
@DisplayName("The payment schema on H2 (MySQL mode)")
class PaymentSchemaH2Test {

  private JdbcTemplate jdbc;

  @BeforeEach
  void migrate() {
    DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:payments-" + UUID.randomUUID()
        + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    jdbc = new JdbcTemplate(dataSource);
  }

  @Test
  @DisplayName("migrates, and an order without a provider payment-method id can be stored")
  void orderWithoutPaymentMethodId() {
    // when
    jdbc.update("insert into customer_order (id, order_number, status, customer_name, customer_email, ship_street, "
        + "ship_postal_code, ship_city, ship_country, currency, total_amount, payment_method, placed_at, updated_at) "
        + "values ('o-1', 'ORD-H2000001', 'PLACED', 'Ana', 'ana@example.com', 'Calle 1', '28013', 'Madrid', 'ES', "
        + "'EUR', 10.00, 'BANK_TRANSFER', current_timestamp, current_timestamp)");

    // then
    assertThat(jdbc.queryForObject("select payment_reference from customer_order where id = 'o-1'", String.class))
        .isNull();
    assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where version = '6' and success",
        Integer.class)).as("V6 applied (later migrations may follow)").isEqualTo(1);
  }

  @Test
  @DisplayName("keeps one authorization per order and attempt, and lets a second attempt in")
  void authorizationPerAttempt() {
    // given
    String insert = "insert into payment_authorization (order_id, status, amount, currency, created_at, attempt_no) "
        + "values ('o-1', 'DECLINED', 10.00, 'EUR', current_timestamp, ?)";
    jdbc.update(insert, 1);

    // when
    jdbc.update(insert, 2);

    // then
    assertThatThrownBy(() -> jdbc.update(insert, 2)).isInstanceOf(DataIntegrityViolationException.class)
        .hasRootCauseInstanceOf(SQLException.class);
    assertThat(jdbc.queryForObject("select count(*) from payment_authorization", Integer.class)).isEqualTo(2);
  }
}
