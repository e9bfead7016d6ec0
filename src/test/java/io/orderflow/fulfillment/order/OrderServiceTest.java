package io.orderflow.fulfillment.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.orderflow.fulfillment.catalog.Catalog;
import io.orderflow.fulfillment.catalog.Product;
import io.orderflow.fulfillment.order.OrderService.Address;
import io.orderflow.fulfillment.order.OrderService.Customer;
import io.orderflow.fulfillment.order.OrderService.LineSummary;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.OrderService.PlaceOrder;
import io.orderflow.fulfillment.order.OrderService.RequestedLine;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shared.InvalidRequestException.FieldProblem;
import io.orderflow.fulfillment.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

@DisplayName("Placing an order")
class OrderServiceTest {

  private static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency PLN = Currency.getInstance("PLN");

  private static final Product TSHIRT_M = new Product("TSHIRT-M", "TSHIRT", "Organic T-shirt", "apparel", "Size M",
      new BigDecimal("19.90"), EUR, 180, false);
  private static final Product CAP = new Product("CAP", "CAP", "Cap", "accessories", null,
      new BigDecimal("12.00"), EUR, 90, false);
  private static final Product MUG_PLN = new Product("MUG-PL", "MUG", "Mug", "home", null,
      new BigDecimal("39.00"), PLN, 350, false);

  private final OrderRepository repository = mock(OrderRepository.class);
  private final Catalog catalog = mock(Catalog.class);
  private final OrderService service =
      new OrderService(repository, catalog, mock(io.orderflow.fulfillment.routing.Geocoder.class),
          new DeliveryOptions(Clock.fixed(NOW, ZoneOffset.UTC), java.time.ZoneId.of("Europe/Madrid")),
          Clock.fixed(NOW, ZoneOffset.UTC));

  @BeforeEach
  void catalogueAndRepository() {
    Map<String, Product> all = List.of(TSHIRT_M, CAP, MUG_PLN).stream()
        .collect(Collectors.toMap(Product::sku, Function.identity()));
    when(catalog.bySku(anyCollection())).thenAnswer(invocation -> {
      Collection<String> skus = invocation.getArgument(0);
      return skus.stream().distinct().filter(all::containsKey)
          .collect(Collectors.toMap(Function.identity(), all::get));
    });
    when(repository.saveAndFlush(any(CustomerOrder.class))).thenAnswer(invocation -> invocation.getArgument(0));
  }

  private static PlaceOrder orderOf(RequestedLine... lines) {
    return new PlaceOrder(new Customer("Ana García", "ana@example.com", "+34 600 000 000"),
        new Address("Calle Mayor 1", "28013", "Madrid", "ES"), List.of(lines), "CARD", "pm_card_visa");
  }

  @Test
  @DisplayName("is refused when a SKU is not in the catalogue, naming each unknown line")
  void unknownSkus() {
    // given
    PlaceOrder command = orderOf(new RequestedLine("TSHIRT-M", 1), new RequestedLine("NOPE-1", 1),
        new RequestedLine("GHOST-2", 3));

    // when / then
    assertThatThrownBy(() -> service.place(command))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
            .extracting(FieldProblem::field, FieldProblem::message)
            .containsExactly(
                tuple("lines[1].sku", "unknown product 'NOPE-1'"),
                tuple("lines[2].sku", "unknown product 'GHOST-2'")));
    verify(repository, never()).saveAndFlush(any());
    verify(repository, never()).save(any());
  }

  @Test
  @DisplayName("is refused when it has no lines, naming the lines field")
  void noLines() {
    assertThatThrownBy(() -> service.place(orderOf()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
            .extracting(FieldProblem::field).containsExactly("lines"));
    verify(repository, never()).saveAndFlush(any());
  }

  @Test
  @DisplayName("is refused when the same SKU is ordered on two lines")
  void duplicatedSku() {
    // given
    PlaceOrder command = orderOf(new RequestedLine("TSHIRT-M", 1), new RequestedLine("CAP", 1),
        new RequestedLine("TSHIRT-M", 2));

    // when / then
    assertThatThrownBy(() -> service.place(command))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
            .singleElement()
            .satisfies(p -> {
              assertThat(p.field()).isEqualTo("lines[2].sku");
              assertThat(p.message()).contains("'TSHIRT-M' appears twice");
            }));
    verify(repository, never()).saveAndFlush(any());
    verify(repository, never()).save(any());
  }

  @Test
  @DisplayName("is refused when its articles are priced in different currencies")
  void mixedCurrencies() {
    // given
    PlaceOrder command = orderOf(new RequestedLine("TSHIRT-M", 1), new RequestedLine("MUG-PL", 1));

    // when / then
    assertThatThrownBy(() -> service.place(command))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
            .singleElement()
            .satisfies(p -> {
              assertThat(p.field()).isEqualTo("lines[1].sku");
              assertThat(p.message()).isEqualTo("priced in PLN, the order is in EUR");
            }));
    verify(repository, never()).saveAndFlush(any());
    verify(repository, never()).save(any());
  }

  @Test
  @DisplayName("that has several problems is refused with every one of them listed")
  void everyProblemListed() {
    // given
    PlaceOrder command = orderOf(new RequestedLine("TSHIRT-M", 1), new RequestedLine("NOPE-1", 1),
        new RequestedLine("MUG-PL", 1), new RequestedLine("TSHIRT-M", 1));

    // when / then
    assertThatThrownBy(() -> service.place(command))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.problems()).extracting(FieldProblem::field)
              .containsExactly("lines[1].sku", "lines[2].sku", "lines[3].sku");
          assertThat(e.getMessage()).contains("NOPE-1", "PLN", "appears twice");
        });
    verify(repository, never()).saveAndFlush(any());
    verify(repository, never()).save(any());
  }

  @Test
  @DisplayName("that is valid is priced from the catalogue and stored as PLACED")
  void validOrder() {
    // given
    PlaceOrder command = orderOf(new RequestedLine("TSHIRT-M", 2), new RequestedLine("CAP", 1));

    // when
    OrderSummary placed = service.place(command);

    // then
    assertThat(placed.status()).isEqualTo(OrderStatus.PLACED);
    assertThat(placed.orderNumber()).matches("ORD-[2-9A-HJ-NP-Z]{8}");
    assertThat(placed.id()).isNotBlank();
    assertThat(placed.currency()).isEqualTo(EUR);
    assertThat(placed.totalAmount()).isEqualTo(new BigDecimal("51.80"));
    assertThat(placed.lines())
        .extracting(LineSummary::lineNo, LineSummary::sku, LineSummary::productName, LineSummary::quantity,
            LineSummary::unitPrice, LineSummary::lineTotal)
        .containsExactly(
            tuple(1, "TSHIRT-M", "Organic T-shirt (Size M)", 2, new BigDecimal("19.90"), new BigDecimal("39.80")),
            tuple(2, "CAP", "Cap", 1, new BigDecimal("12.00"), new BigDecimal("12.00")));
    assertThat(placed.placedAt()).isEqualTo(NOW);
    assertThat(placed.updatedAt()).isEqualTo(NOW);
    assertThat(placed.processInstanceKey()).isNull();
    assertThat(placed.customer().email()).isEqualTo("ana@example.com");
    assertThat(placed.deliveryCountry()).isEqualTo("ES");
    assertThat(placed.paymentReference()).isEqualTo("pm_card_visa");

    ArgumentCaptor<CustomerOrder> saved = ArgumentCaptor.forClass(CustomerOrder.class);
    verify(repository).saveAndFlush(saved.capture());
    assertThat(saved.getValue().orderNumber()).isEqualTo(placed.orderNumber());
    assertThat(saved.getValue().status()).isEqualTo(OrderStatus.PLACED);
    assertThat(saved.getValue().totalAmount()).isEqualTo(new BigDecimal("51.80"));
  }

  @Test
  @DisplayName("gives every order its own readable order number")
  void orderNumbers() {
    // given
    Set<String> numbers = new HashSet<>();

    // when
    for (int i = 0; i < 200; i++) {
      numbers.add(service.place(orderOf(new RequestedLine("CAP", 1))).orderNumber());
    }

    // then
    assertThat(numbers).hasSize(200).allMatch(n -> n.matches("ORD-[2-9A-HJ-NP-Z]{8}"));
  }

  @Test
  @DisplayName("a step reported for an unknown order is refused as not found")
  void unknownOrder() {
    // given
    when(repository.findWithLinesById("missing")).thenReturn(Optional.empty());

    // when / then
    assertThatThrownBy(() -> service.stockReserved("missing", "nearest", java.util.List.of(), java.util.Map.of()))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("missing");
  }

  @Test
  @DisplayName("a cancellation is recorded on the stored order at the clock's time")
  void cancelStoredOrder() {
    // given
    OrderSummary placed = service.place(orderOf(new RequestedLine("CAP", 1)));
    ArgumentCaptor<CustomerOrder> saved = ArgumentCaptor.forClass(CustomerOrder.class);
    verify(repository).saveAndFlush(saved.capture());
    when(repository.findWithLinesById(placed.id())).thenReturn(Optional.of(saved.getValue()));

    // when
    service.cancel(placed.id(), "Payment declined: The card was declined (card_declined)");

    // then
    OrderSummary after = service.summary(placed.id());
    assertThat(after.status()).isEqualTo(OrderStatus.CANCELLED);
    assertThat(after.cancellationReason()).isEqualTo("Payment declined: The card was declined (card_declined)");
  }

  private static PlaceOrder through(OrderChannel channel, RequestedLine... lines) {
    PlaceOrder o = orderOf(lines);
    return new PlaceOrder(o.customer(), o.shippingAddress(), o.lines(), o.paymentMethod(), o.paymentReference(),
        o.delivery(), o.marketingConsent(), o.language(), channel);
  }

  @Test
  @DisplayName("records the web shop as its channel when the customer names none")
  void defaultChannel() {
    assertThat(service.place(orderOf(new RequestedLine("CAP", 1))).channel()).isEqualTo(OrderChannel.WEB_SHOP);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.EnumSource(value = OrderChannel.class, names = {"WEB_SHOP", "MARKETPLACE",
      "SEARCH", "REFERRAL"})
  @DisplayName("records the channel the customer came through")
  void customerChannels(OrderChannel channel) {
    OrderSummary placed = service.place(through(channel, new RequestedLine("CAP", 2)));

    assertThat(placed.channel()).isEqualTo(channel);
    assertThat(placed.totalAmount()).isEqualByComparingTo("24.00");
  }

  @Test
  @DisplayName("is refused through the CAMPAIGN channel at checkout: campaign orders come from an accepted offer")
  void campaignRefusedAtCheckout() {
    assertThatThrownBy(() -> service.place(through(OrderChannel.CAMPAIGN, new RequestedLine("CAP", 1))))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
            .extracting(FieldProblem::field, FieldProblem::message)
            .containsExactly(tuple("channel", "campaign orders come from an accepted offer")));
    verify(repository, never()).saveAndFlush(any());
  }

  @Test
  @DisplayName("from an accepted offer: charged at the offer's unit prices (others at the catalogue's), channel CAMPAIGN")
  void fromOffer() {
    OrderSummary placed = service.placeFromOffer(orderOf(new RequestedLine("TSHIRT-M", 2), new RequestedLine("CAP", 1)),
        Map.of("TSHIRT-M", new BigDecimal("14.90")), OrderChannel.CAMPAIGN);

    assertThat(placed.channel()).isEqualTo(OrderChannel.CAMPAIGN);
    assertThat(placed.lines()).extracting(LineSummary::sku, LineSummary::unitPrice)
        .containsExactly(tuple("TSHIRT-M", new BigDecimal("14.90")), tuple("CAP", new BigDecimal("12.00")));
    assertThat(placed.totalAmount()).isEqualByComparingTo("41.80"); // 2 x 14.90 + 12.00
  }

  @Test
  @DisplayName("from an offer is refused with a negative unit price, naming the SKU")
  void fromOfferNegativePrice() {
    assertThatThrownBy(() -> service.placeFromOffer(orderOf(new RequestedLine("CAP", 1)),
        Map.of("CAP", new BigDecimal("-1.00")), OrderChannel.CAMPAIGN))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
            .extracting(FieldProblem::field).containsExactly("unitPrices.CAP"));
    verify(repository, never()).saveAndFlush(any());
  }
}
