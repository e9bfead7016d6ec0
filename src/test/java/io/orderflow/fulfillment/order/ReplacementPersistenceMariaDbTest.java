package io.orderflow.fulfillment.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.fulfillment.catalog.Catalog;
import io.orderflow.fulfillment.order.OrderService.Address;
import io.orderflow.fulfillment.order.OrderService.Customer;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.OrderService.PlaceOrder;
import io.orderflow.fulfillment.order.OrderService.ReplacementFor;
import io.orderflow.fulfillment.order.OrderService.RequestedLine;
import io.orderflow.fulfillment.testsupport.MariaDbDatabase;
import io.orderflow.fulfillment.testsupport.MariaDbJpaTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Replacement orders and their links (V18) on MariaDB, in committed transactions. */
@MariaDbJpaTest
@Import({OrderService.class, Catalog.class, io.orderflow.fulfillment.routing.Geocoder.class, DeliveryOptions.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@DisplayName("Replacement orders on MariaDB")
class ReplacementPersistenceMariaDbTest {

  @RegisterExtension
  static final MariaDbDatabase database = new MariaDbDatabase();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    database.registerProperties(registry);
  }

  @Autowired OrderService orders;
  @Autowired OrderRepository repository;
  @Autowired JdbcTemplate jdbc;

  @Test
  @DisplayName("a replacement is stored with its link to the original and the RMA, its lines at 0.00, and read back")
  void roundTrip() {
    OrderSummary original = placeOriginal();

    OrderSummary replacement = orders.placeReplacement(original.id(), "RMA-DB-1",
        List.of(new RequestedLine("TSHIRT-ORG-M", 1)));

    OrderSummary read = orders.summary(replacement.id());
    assertThat(read.replacementFor()).isEqualTo(new ReplacementFor(original.id(), original.orderNumber(), "RMA-DB-1"));
    assertThat(read.paymentMethod()).isEqualTo("NO_CHARGE");
    assertThat(read.paymentReference()).isNull();
    assertThat(read.chargeCustomer()).isFalse();
    assertThat(read.customer()).isEqualTo(original.customer());
    assertThat(read.shippingAddress()).isEqualTo(original.shippingAddress());
    assertThat(read.language()).isEqualTo("bg");
    assertThat(read.marketingConsent()).isTrue();
    assertThat(read.delivery().method()).isEqualTo(DeliveryMethod.STANDARD);
    assertThat(read.totalAmount()).isEqualTo(new BigDecimal("0.00"));
    assertThat(read.lines()).singleElement().satisfies(l -> {
      assertThat(l.sku()).isEqualTo("TSHIRT-ORG-M");
      assertThat(l.quantity()).isEqualTo(1);
      assertThat(l.unitPrice()).isEqualTo(new BigDecimal("0.00"));
    });
    assertThat(jdbc.queryForMap("select replacement_for_order_id, replacement_for_order_number, replacement_rma "
        + "from customer_order where id = ?", replacement.id())).containsExactlyInAnyOrderEntriesOf(Map.of(
            "replacement_for_order_id", original.id(), "replacement_for_order_number", original.orderNumber(),
            "replacement_rma", "RMA-DB-1"));
    assertThat(orders.summary(original.id()).replacementFor()).isNull();
    assertThat(orders.replacementsOf(original.id())).singleElement().satisfies(r -> {
      assertThat(r.orderId()).isEqualTo(replacement.id());
      assertThat(r.orderNumber()).isEqualTo(replacement.orderNumber());
      assertThat(r.rmaNumber()).isEqualTo("RMA-DB-1");
      assertThat(r.status()).isEqualTo(OrderStatus.PLACED);
    });
    assertThat(orders.replacementsOf(replacement.id())).isEmpty();
  }

  @Test
  @DisplayName("one replacement per RMA: a repeat finds it, a second row with the RMA is refused by the database")
  void oneReplacementPerRma() {
    OrderSummary original = placeOriginal();
    OrderSummary first = orders.placeReplacement(original.id(), "RMA-DB-2", List.of(new RequestedLine("MUG-CERAMIC", 1)));

    OrderSummary again = orders.placeReplacement(original.id(), "RMA-DB-2", List.of(new RequestedLine("MUG-CERAMIC", 1)));

    assertThat(again.id()).isEqualTo(first.id());
    assertThat(orders.replacementByRma("RMA-DB-2")).map(OrderSummary::id).contains(first.id());
    assertThat(jdbc.queryForObject("select count(*) from customer_order where replacement_rma = 'RMA-DB-2'",
        Integer.class)).isOne();
    CustomerOrder originalRow = repository.findWithLinesById(original.id()).orElseThrow();
    CustomerOrder duplicate = CustomerOrder.replacementFor(originalRow, java.util.UUID.randomUUID().toString(),
        "ORD-DUPL2345", "RMA-DB-2", Instant.now());
    duplicate.addLine("MUG-CERAMIC", "Ceramic mug", 1, new BigDecimal("0.00"));
    assertThatThrownBy(() -> repository.saveAndFlush(duplicate)).isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  @DisplayName("the link must name an existing order, and only a NO_CHARGE order can be a replacement")
  void constraints() {
    OrderSummary original = placeOriginal();
    OrderSummary replacement = orders.placeReplacement(original.id(), "RMA-DB-3",
        List.of(new RequestedLine("TSHIRT-ORG-M", 2)));

    assertThatThrownBy(() -> jdbc.update("update customer_order set replacement_for_order_id = 'no-such-order' "
        + "where id = ?", replacement.id())).isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> jdbc.update("update customer_order set payment_method = 'CARD' where id = ?",
        replacement.id())).isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(() -> jdbc.update("update customer_order set replacement_rma = 'RMA-X' where id = ?",
        original.id())).isInstanceOf(DataIntegrityViolationException.class);
  }

  private OrderSummary placeOriginal() {
    return orders.place(new PlaceOrder(new Customer("Ivan Petrov", "ivan@example.com", null),
        new Address("bul. Vitosha 1", "1000", "Sofia", "BG"),
        List.of(new RequestedLine("TSHIRT-ORG-M", 2), new RequestedLine("MUG-CERAMIC", 1)), "CARD", "pm_card_visa",
        OrderService.Delivery.standard(), true, "bg"));
  }
}
