package io.orderflow.fulfillment.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.orderflow.fulfillment.catalog.Catalog;
import io.orderflow.fulfillment.order.OrderService.Address;
import io.orderflow.fulfillment.order.OrderService.Customer;
import io.orderflow.fulfillment.order.OrderService.RequestedLine;
import io.orderflow.fulfillment.order.Replacements.Replacement;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shared.InvalidRequestException.FieldProblem;
import io.orderflow.fulfillment.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

@DisplayName("Sending a replacement")
class ReplacementsTest {

  private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

  private final OrderRepository repository = mock(OrderRepository.class);
  private final OrderProcessStarter starter = mock(OrderProcessStarter.class);
  private final OrderService orders = new OrderService(repository, mock(Catalog.class),
      mock(io.orderflow.fulfillment.routing.Geocoder.class),
      new DeliveryOptions(Clock.fixed(NOW, ZoneOffset.UTC), java.time.ZoneId.of("Europe/Madrid")),
      Clock.fixed(NOW, ZoneOffset.UTC));
  private final OrderPlacement placement = new OrderPlacement(orders, starter, BackorderSettings.defaults());
  private final Replacements replacements = new Replacements(orders, placement);

  /** The stored orders by id, as the repository finds them. */
  private final Map<String, CustomerOrder> stored = new HashMap<>();

  private final CustomerOrder original = new CustomerOrder("order-1", "ORD-ORIG2345",
      new Customer("Ana García", "ana@example.com", null), new Address("Calle Mayor 1", "28013", "Madrid", "ES"),
      Currency.getInstance("EUR"), "CARD", "pm_card_visa", OrderService.Delivery.standard(), false, "pl",
      NOW.minusSeconds(86_400 * 5));

  @BeforeEach
  void anOriginalOrder() {
    original.addLine("TSHIRT-ORG-M", "Organic cotton T-shirt (Size M)", 2, new BigDecimal("19.90"));
    original.addLine("MUG-CERAMIC", "Ceramic mug", 1, new BigDecimal("9.50"));
    stored.put(original.id(), original);
    when(repository.findWithLinesById(anyString())).thenAnswer(i -> Optional.ofNullable(stored.get(i.<String>getArgument(0))));
    when(repository.findByReplacementRma(anyString())).thenAnswer(i -> stored.values().stream()
        .filter(o -> i.getArgument(0).equals(o.replacementRma())).findFirst());
    when(repository.saveAndFlush(any(CustomerOrder.class))).thenAnswer(i -> {
      CustomerOrder order = i.getArgument(0);
      stored.put(order.id(), order);
      return order;
    });
    when(starter.startOrderProcess(anyString(), anyString(), anyMap())).thenReturn(4711L);
  }

  @Test
  @DisplayName("places a free order of the items for the original's customer and starts its process with chargeCustomer=false")
  void placesAndStarts() {
    // when
    Replacement replacement = replacements.send("order-1", "RMA-2026-0001", List.of(new RequestedLine("TSHIRT-ORG-M", 1)));

    // then
    assertThat(replacement.originalOrderId()).isEqualTo("order-1");
    assertThat(replacement.rmaNumber()).isEqualTo("RMA-2026-0001");
    assertThat(replacement.orderNumber()).matches("ORD-[2-9A-HJ-NP-Z]{8}").isNotEqualTo("ORD-ORIG2345");
    CustomerOrder placed = stored.get(replacement.orderId());
    assertThat(placed.paymentMethod()).isEqualTo("NO_CHARGE");
    assertThat(placed.customerEmail()).isEqualTo("ana@example.com");
    assertThat(placed.language()).isEqualTo("pl");
    assertThat(placed.lines()).singleElement().satisfies(l -> {
      assertThat(l.sku()).isEqualTo("TSHIRT-ORG-M");
      assertThat(l.productName()).isEqualTo("Organic cotton T-shirt (Size M)");
      assertThat(l.quantity()).isEqualTo(1);
      assertThat(l.unitPrice()).isEqualTo(new BigDecimal("0.00"));
    });
    assertThat(placed.totalAmount()).isEqualTo(new BigDecimal("0.00"));
    assertThat(placed.processInstanceKey()).isEqualTo(4711L);
    @SuppressWarnings("unchecked")
    ArgumentCaptor<Map<String, Object>> inputs = ArgumentCaptor.forClass(Map.class);
    verify(starter).startOrderProcess(eq(replacement.orderId()), eq(replacement.orderNumber()), inputs.capture());
    assertThat(inputs.getValue()).containsEntry("chargeCustomer", false).containsEntry("paymentMethod", "NO_CHARGE");
    OrderService.OrderSummary summary = orders.summary(replacement.orderId());
    assertThat(summary.replacementFor())
        .isEqualTo(new OrderService.ReplacementFor("order-1", "ORD-ORIG2345", "RMA-2026-0001"));
    assertThat(summary.chargeCustomer()).isFalse();
    assertThat(summary.isReplacement()).isTrue();
  }

  @Test
  @DisplayName("a repeat for the same RMA returns the same replacement and does not start a second process")
  void idempotentPerRma() {
    Replacement first = replacements.send("order-1", "RMA-1", List.of(new RequestedLine("MUG-CERAMIC", 1)));

    Replacement again = replacements.send("order-1", "RMA-1", List.of(new RequestedLine("MUG-CERAMIC", 1)));

    assertThat(again).isEqualTo(first);
    verify(repository, times(1)).saveAndFlush(any());
    verify(starter, times(1)).startOrderProcess(anyString(), anyString(), anyMap());
  }

  @Test
  @DisplayName("a repeat starts the process the first call could not start (the engine was unreachable)")
  void repeatStartsAMissingProcess() {
    when(starter.startOrderProcess(anyString(), anyString(), anyMap())).thenThrow(new IllegalStateException("down"))
        .thenReturn(99L);
    Replacement first = replacements.send("order-1", "RMA-1", List.of(new RequestedLine("MUG-CERAMIC", 1)));
    assertThat(stored.get(first.orderId()).processInstanceKey()).isNull();

    Replacement again = replacements.send("order-1", "RMA-1", List.of(new RequestedLine("MUG-CERAMIC", 1)));

    assertThat(again).isEqualTo(first);
    assertThat(stored.get(first.orderId()).processInstanceKey()).isEqualTo(99L);
  }

  @Test
  @DisplayName("the recovery of orders without process starts a replacement with chargeCustomer=false, an ordinary order with true")
  void recoveryPassesChargeCustomer() {
    when(starter.startOrderProcess(anyString(), anyString(), anyMap())).thenThrow(new IllegalStateException("down"));
    Replacement replacement = replacements.send("order-1", "RMA-1", List.of(new RequestedLine("MUG-CERAMIC", 1)));
    when(repository.findWithoutProcess(any(), any(), any(), any()))
        .thenReturn(List.of(stored.get(replacement.orderId()), original));

    placement.startStrandedOrders();

    verify(starter, times(2)).startOrderProcess(eq(replacement.orderId()), anyString(),
        org.mockito.ArgumentMatchers.argThat(m -> Boolean.FALSE.equals(m.get("chargeCustomer"))));
    verify(starter).startOrderProcess(eq("order-1"), anyString(),
        org.mockito.ArgumentMatchers.argThat(m -> Boolean.TRUE.equals(m.get("chargeCustomer"))));
  }

  @Test
  @DisplayName("an unknown original order is 404")
  void unknownOriginal() {
    assertThatThrownBy(() -> replacements.send("no-such-order", "RMA-1", List.of(new RequestedLine("MUG-CERAMIC", 1))))
        .isInstanceOf(NotFoundException.class);
    verify(repository, never()).saveAndFlush(any());
  }

  @Test
  @DisplayName("lines that are not items of the original, repeat one, or ask for more than it shipped are refused with 400")
  void linesMustBeTheOriginals() {
    assertThatThrownBy(() -> replacements.send("order-1", "RMA-1", List.of(new RequestedLine("CAP", 1),
        new RequestedLine("TSHIRT-ORG-M", 3), new RequestedLine("MUG-CERAMIC", 1), new RequestedLine("MUG-CERAMIC", 1),
        new RequestedLine("TSHIRT-ORG-M", 0))))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
            .extracting(FieldProblem::field)
            .containsExactly("lines[0].sku", "lines[1].quantity", "lines[3].sku", "lines[4].sku", "lines[4].quantity"));
    assertThatThrownBy(() -> replacements.send("order-1", "RMA-1", List.of()))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> replacements.send("order-1", " ", List.of(new RequestedLine("MUG-CERAMIC", 1))))
        .isInstanceOf(InvalidRequestException.class);
    verify(repository, never()).saveAndFlush(any());
    verify(starter, never()).startOrderProcess(anyString(), anyString(), anyMap());
  }

  @Test
  @DisplayName("an RMA whose replacement replaces another order is a conflict")
  void rmaOfAnotherOrder() {
    replacements.send("order-1", "RMA-1", List.of(new RequestedLine("MUG-CERAMIC", 1)));
    CustomerOrder other = new CustomerOrder("order-3", "ORD-OTHR2345", new Customer("Bo", "bo@example.com", null),
        new Address("ul. Marszałkowska 1", "00-001", "Warszawa", "PL"), Currency.getInstance("EUR"), "CARD",
        "pm_card_visa", OrderService.Delivery.standard(), false, NOW);
    other.addLine("MUG-CERAMIC", "Ceramic mug", 1, new BigDecimal("9.50"));
    stored.put(other.id(), other);

    assertThatThrownBy(() -> replacements.send("order-3", "RMA-1", List.of(new RequestedLine("MUG-CERAMIC", 1))))
        .isInstanceOf(ConflictException.class).hasMessageContaining("RMA-1");
  }

  @Test
  @DisplayName("nobody places a NO_CHARGE order the ordinary way")
  void noChargeIsNotAPaymentMethodToChoose() {
    assertThatThrownBy(() -> orders.place(new OrderService.PlaceOrder(new Customer("Ana", "ana@example.com", null),
        new Address("Calle Mayor 1", "28013", "Madrid", "ES"), List.of(new RequestedLine("MUG-CERAMIC", 1)),
        "NO_CHARGE", null)))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
            .extracting(FieldProblem::field).contains("payment.method"));
  }
}
