package io.orderflow.fulfillment.payment;

import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.PaymentStatus;
import java.time.Clock;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The payments of orders as the payment services share them: the payment is opened once per order (the order id is
 * its business key, so a repeated job or two racing jobs find the same row), and every change of its status is shown
 * on the order too.
 */
@Component
class PaymentLedger {

  private final PaymentRepository payments;
  private final OrderService orders;
  private final MoneyMovements movements;
  private final TransactionTemplate newTransaction;
  private final Clock clock;

  PaymentLedger(PaymentRepository payments, OrderService orders, MoneyMovements movements,
      PlatformTransactionManager txManager, Clock clock) {
    this.payments = payments;
    this.orders = orders;
    this.movements = movements;
    this.newTransaction = new TransactionTemplate(txManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /**
   * The order's payment, opened on first use with the order's method, amount due and (for a card) the payment-method
   * id given at checkout. Call it outside a transaction: it commits the new payment in its own.
   */
  Payment open(OrderSummary order) {
    Optional<Payment> known = payments.findByOrderId(order.id());
    if (known.isPresent()) {
      return known.get();
    }
    try {
      newTransaction.executeWithoutResult(status -> payments.saveAndFlush(new Payment(order.id(), order.paymentMethod(),
          order.amountDue(), order.currency().getCurrencyCode(), order.paymentReference(), clock.instant())));
    } catch (DataIntegrityViolationException openedConcurrently) {
      // another job opened it a moment ago; read theirs
    }
    return payments.findByOrderId(order.id()).orElseThrow();
  }

  /** The order's payment, which an earlier step opened. */
  Payment load(String orderId) {
    return payments.findByOrderId(orderId).orElseThrow(() -> new IllegalStateException(
        "Order " + orderId + " has no payment yet; the payment process opens it first"));
  }

  Optional<Payment> find(String orderId) {
    return payments.findByOrderId(orderId);
  }

  /** Sets the payment's status and shows it on the order; call it inside the transaction that changed the payment. */
  void record(Payment payment, PaymentStatus status, String detail) {
    payment.status(status, detail, clock.instant());
    orders.recordPaymentStatus(payment.orderId(), status, detail);
  }

  /**
   * Writes a movement of the order's money to the money ledger, once per business key; call it inside the transaction
   * that changed the payment.
   */
  void moved(Payment payment, MoneyMovements.Kind kind, java.math.BigDecimal amount, String reference,
      String businessKey) {
    movements.record(payment.orderId(), kind, amount, payment.currency(), reference, businessKey);
  }
}
