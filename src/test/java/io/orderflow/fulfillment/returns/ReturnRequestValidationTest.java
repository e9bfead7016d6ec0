package io.orderflow.fulfillment.returns;

import io.orderflow.fulfillment.shared.numbering.GapFreeNumbers;
import io.orderflow.fulfillment.payment.RefundChoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.orderflow.fulfillment.catalog.Catalog;
import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.notification.Audience;
import io.orderflow.fulfillment.notification.Notifications;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.OrderStatus;
import io.orderflow.fulfillment.order.PaymentStatus;
import io.orderflow.fulfillment.process.ProcessMessages;
import io.orderflow.fulfillment.process.ProcessState;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shared.NotFoundException;
import io.orderflow.fulfillment.shipping.Shipping;
import io.orderflow.fulfillment.testsupport.OrderSummaries;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.transaction.PlatformTransactionManager;

@DisplayName("Requesting a return")
class ReturnRequestValidationTest {

  static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

  final ReturnRequestRepository repository = mock(ReturnRequestRepository.class);
  final GapFreeNumbers numbering = mock(GapFreeNumbers.class);
  final OrderService orders = mock(OrderService.class);
  final DeliveredGoods delivered = mock(DeliveredGoods.class);
  final Catalog catalog = mock(Catalog.class);
  final Notifications notifications = mock(Notifications.class);
  final ReturnProcessStarter starter = mock(ReturnProcessStarter.class);
  final ProcessState processState = mock(ProcessState.class);
  final List<ReturnRequest> saved = new ArrayList<>();
  final List<ReturnRequest> others = new ArrayList<>();
  Returns returns;

  @BeforeEach
  void setUp() {
    returns = new Returns(repository, numbering, orders, delivered, catalog, mock(Inventory.class), mock(Shipping.class),
        notifications, starter, mock(ProcessMessages.class), processState, ReturnSettings.defaults(),
        mock(PlatformTransactionManager.class), Clock.fixed(NOW, ZoneOffset.UTC));
    order("CARD");
    when(numbering.next("RMA", 2026)).thenReturn(42);
    when(catalog.bySku(any())).thenReturn(Map.of());
    when(repository.findByOrderIdOrderByRequestedAt("order-1")).thenReturn(others);
    when(repository.saveAndFlush(any())).thenAnswer(i -> {
      saved.add(i.getArgument(0));
      return i.getArgument(0);
    });
    when(repository.findById(anyString())).thenAnswer(i -> saved.stream()
        .filter(r -> r.id().equals(i.getArgument(0))).findFirst());
    when(processState.instance(any(Long.class))).thenAnswer(i -> ProcessState.InstanceView.unknown(i.getArgument(0)));
    when(starter.startReturnProcess(any())).thenReturn(77L);
    // parcel 1 from Madrid: 2 T-shirts, delivered 3 days ago; parcel 2 from Warsaw: 1 T-shirt and 1 mug; line 3 not delivered
    when(delivered.of(any())).thenReturn(List.of(
        new DeliveredGoods.Parcel(1, "madrid", Map.of("TSHIRT-ORG-M", 2), new BigDecimal("4.90"),
            NOW.minus(Duration.ofDays(3))),
        new DeliveredGoods.Parcel(2, "warsaw", Map.of("TSHIRT-ORG-M", 1, "MUG-CERAMIC", 1), new BigDecimal("6.90"),
            NOW.minus(Duration.ofDays(5)))));
  }

  void order(String paymentMethod) {
    OrderSummary base = OrderSummaries.order("order-1", OrderStatus.DELIVERED, false,
        List.of(OrderSummaries.line(1, "TSHIRT-ORG-M", 3, "19.90", 0), OrderSummaries.line(2, "MUG-CERAMIC", 1, "9.50", 0),
            OrderSummaries.line(3, "LAMP-DESK-LED", 1, "39.00", 0)),
        List.of(), OrderSummaries.noQuote());
    when(orders.summary("order-1")).thenReturn(new OrderSummary(base.id(), base.orderNumber(), base.status(),
        base.customer(), base.shippingAddress(), Currency.getInstance("EUR"), base.totalAmount(), paymentMethod, null,
        null, null, null, 1L, NOW, NOW, base.lines(), base.delivery(), false, null, List.of(), base.quote(), null,
        PaymentStatus.PENDING, null, null));
  }

  static Returns.RequestReturn request(ReturnKind kind, ReturnReason reason, List<Returns.RequestedLine> lines,
      List<String> photos) {
    return new Returns.RequestReturn(kind, reason, lines, "too small", photos, null, "ana.customer");
  }

  static Returns.RequestedLine line(Integer lineNo, Integer quantity) {
    return new Returns.RequestedLine(lineNo, quantity);
  }

  @Test
  @DisplayName("stores the RMA with its number, the warehouse that shipped most units and the days since delivery, "
      + "starts its process with the contract's variables and tells customer service")
  @SuppressWarnings("unchecked")
  void accepted() {
    Returns.ReturnView view = returns.request("order-1", new Returns.RequestReturn(ReturnKind.RETURN,
        ReturnReason.WRONG_SIZE, List.of(line(1, 3)), null, List.of("https://img.example/1.jpg"),
        RefundChoice.STORE_CREDIT, "ana.customer"));

    assertThat(view.rmaNumber()).isEqualTo("RMA-2026-000042");
    assertThat(view.status()).isEqualTo(ReturnStatus.REQUESTED);
    assertThat(view.warehouseId()).isEqualTo("madrid");
    assertThat(view.daysSinceDelivery()).isEqualTo(3);
    assertThat(view.photoUrls()).containsExactly("https://img.example/1.jpg");
    ArgumentCaptor<Map<String, Object>> variables = ArgumentCaptor.forClass(Map.class);
    verify(starter).startReturnProcess(variables.capture());
    assertThat(variables.getValue()).containsEntry("rmaNumber", "RMA-2026-000042").containsEntry("returnKind", "RETURN")
        .containsEntry("reason", "WRONG_SIZE").containsEntry("daysSinceDelivery", 3)
        .containsEntry("returnWindowDays", 30).containsEntry("returnParcelTimeout", "P21D")
        .containsEntry("warehouseCode", "madrid").containsEntry("orderId", "order-1");
    assertThat((List<Map<String, Object>>) variables.getValue().get("returnLines")).singleElement()
        .satisfies(l -> assertThat(l).containsEntry("lineNo", 1).containsEntry("sku", "TSHIRT-ORG-M")
            .containsEntry("quantity", 3).containsEntry("unitPrice", new BigDecimal("19.90")));
    assertThat(saved.get(0).processInstanceKey()).isEqualTo(77L);
    verify(notifications).notify(eq("order-1"), eq(Audience.CUSTOMER_SERVICE), eq("RETURN_OPENED"), anyString(),
        anyString());
  }

  @Test
  @DisplayName("is stored even when the engine cannot be reached; the retry starts it later")
  void engineDown() {
    when(starter.startReturnProcess(any())).thenThrow(new IllegalStateException("engine down"));
    Returns.ReturnView view = returns.request("order-1", request(ReturnKind.RETURN, ReturnReason.CHANGED_MIND,
        List.of(line(2, 1)), null));
    assertThat(view.processStatus()).isEqualTo("NOT_STARTED");
    assertThat(view.warehouseId()).isEqualTo("warsaw");
  }

  @Test
  @DisplayName("404 for an unknown order")
  void unknownOrder() {
    when(orders.summary("nope")).thenThrow(new NotFoundException("Order", "nope"));
    assertThatThrownBy(() -> returns.request("nope", request(ReturnKind.RETURN, ReturnReason.CHANGED_MIND,
        List.of(line(1, 1)), null))).isInstanceOf(NotFoundException.class);
    verify(repository, never()).saveAndFlush(any());
  }

  @Test
  @DisplayName("400 naming the field: kind, reason, lines, line numbers, quantities, photos")
  void badRequests() {
    assertProblem(new Returns.RequestReturn(null, null, List.of(line(1, 1)), null, null, null, "ana"), "kind", "reason");
    assertProblem(request(ReturnKind.RETURN, ReturnReason.CHANGED_MIND, List.of(), null), "lines");
    assertProblem(request(ReturnKind.RETURN, ReturnReason.CHANGED_MIND, null, null), "lines");
    assertProblem(request(ReturnKind.RETURN, ReturnReason.CHANGED_MIND, List.of(line(9, 1)), null), "lines[0].lineNo");
    assertProblem(request(ReturnKind.RETURN, ReturnReason.CHANGED_MIND, List.of(line(null, 1)), null), "lines[0].lineNo");
    assertProblem(request(ReturnKind.RETURN, ReturnReason.CHANGED_MIND, List.of(line(1, 1), line(1, 1)), null),
        "lines[1].lineNo");
    assertProblem(request(ReturnKind.RETURN, ReturnReason.CHANGED_MIND, List.of(line(1, 0)), null), "lines[0].quantity");
    assertProblem(request(ReturnKind.COMPLAINT, ReturnReason.CHANGED_MIND, List.of(line(1, 1)), null), "reason");
    assertProblem(request(ReturnKind.RETURN, ReturnReason.DAMAGED, List.of(line(1, 1)),
        List.of("https://a.example/1", "https://a.example/2", "https://a.example/3", "https://a.example/4",
            "https://a.example/5", "https://a.example/6")), "photoUrls");
    assertProblem(request(ReturnKind.RETURN, ReturnReason.DAMAGED, List.of(line(1, 1)), List.of("http://a.example/1")),
        "photoUrls[0]");
    assertProblem(request(ReturnKind.RETURN, ReturnReason.DAMAGED, List.of(line(1, 1)), List.of("javascript:alert(1)")),
        "photoUrls[0]");
    verify(repository, never()).saveAndFlush(any());
  }

  @Test
  @DisplayName("a free replacement order can only be the subject of a complaint")
  void replacementOrders() {
    order("NO_CHARGE");
    assertProblem(request(ReturnKind.RETURN, ReturnReason.DEFECTIVE, List.of(line(1, 1)), null), "kind");
    assertThat(returns.request("order-1", request(ReturnKind.COMPLAINT, ReturnReason.DEFECTIVE, List.of(line(1, 1)),
        null)).kind()).isEqualTo(ReturnKind.COMPLAINT);
  }

  @Test
  @DisplayName("409 naming the line: not delivered, more than delivered, or units already on other returns")
  void conflicts() {
    assertThatThrownBy(() -> returns.request("order-1", request(ReturnKind.RETURN, ReturnReason.CHANGED_MIND,
        List.of(line(3, 1)), null))).isInstanceOf(ConflictException.class)
        .hasMessageContaining("Line 3 (LAMP-DESK-LED)").hasMessageContaining("not delivered");
    assertThatThrownBy(() -> returns.request("order-1", request(ReturnKind.RETURN, ReturnReason.CHANGED_MIND,
        List.of(line(1, 4)), null))).isInstanceOf(ConflictException.class)
        .hasMessageContaining("Line 1 (TSHIRT-ORG-M): 3 unit(s) can still be returned");

    ReturnRequest open = new ReturnRequest("ret-0", "RMA-2026-000001", "order-1", ReturnKind.RETURN,
        ReturnReason.CHANGED_MIND, null, null, "ana", "madrid", 1, NOW);
    open.addLine(1, "TSHIRT-ORG-M", "T-shirt", null, 2, new BigDecimal("19.90"));
    others.add(open);
    assertThatThrownBy(() -> returns.request("order-1", request(ReturnKind.RETURN, ReturnReason.CHANGED_MIND,
        List.of(line(1, 2)), null))).isInstanceOf(ConflictException.class)
        .hasMessageContaining("1 unit(s) can still be returned (3 delivered, 2 on other returns)");
    verify(repository, never()).saveAndFlush(any());

    open.eligibilityDecided(Map.of(1, ReturnLine.Eligibility.REJECT), Map.of(), NOW);
    open.reject(NOW);
    assertThat(returns.request("order-1", request(ReturnKind.RETURN, ReturnReason.CHANGED_MIND, List.of(line(1, 3)),
        null)).lines()).singleElement().extracting(Returns.LineView::requestedQuantity).isEqualTo(3);
  }

  private void assertProblem(Returns.RequestReturn command, String... fields) {
    assertThatThrownBy(() -> returns.request("order-1", command)).isInstanceOf(InvalidRequestException.class)
        .satisfies(e -> assertThat(((InvalidRequestException) e).problems())
            .extracting(InvalidRequestException.FieldProblem::field).contains(fields));
  }
}
