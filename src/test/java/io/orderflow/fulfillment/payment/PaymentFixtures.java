package io.orderflow.fulfillment.payment;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.Address;
import io.orderflow.fulfillment.order.OrderService.Customer;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.OrderService.QuoteSummary;
import io.orderflow.fulfillment.order.OrderStatus;
import io.orderflow.fulfillment.order.PaymentStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;

/** Orders and payments as the payment services meet them, for the unit tests of the payment module. */
final class PaymentFixtures {

  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private PaymentFixtures() {}

  static OrderSummary order(String id, String orderNumber, String method, String paymentMethodId, String amountDue) {
    return new OrderSummary(id, orderNumber, OrderStatus.QUOTE_ACCEPTED, new Customer("Ana García", "Ana@Example.com", null),
        new Address("Calle Mayor 1", "28013", "Madrid", "ES"), Currency.getInstance("EUR"), new BigDecimal(amountDue),
        method, paymentMethodId, "madrid", null, null, 1L, NOW, NOW, List.of(), OrderService.Delivery.standard(), false,
        null, List.of(), new QuoteSummary(BigDecimal.ZERO, new BigDecimal(amountDue), NOW, NOW), null,
        PaymentStatus.PENDING, null, null);
  }

  static Payment payment(OrderSummary order) {
    return new Payment(order.id(), order.paymentMethod(), order.amountDue(), "EUR", order.paymentReference(), NOW);
  }

  /** A money ledger over a mocked repository (nothing is recorded twice is the database's job). */
  static MoneyMovements movements() {
    return new MoneyMovements(mock(MoneyMovementRepository.class), CLOCK);
  }

  /** A transaction manager whose transactions simply run (the unit tests check the logic, not the database). */
  static PlatformTransactionManager transactions() {
    PlatformTransactionManager manager = mock(PlatformTransactionManager.class);
    when(manager.getTransaction(any())).thenReturn(mock(TransactionStatus.class));
    return manager;
  }
}
