package io.orderflow.fulfillment.payment;

import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.PaymentStatus;
import io.orderflow.fulfillment.process.PaymentProcess.DifferenceDecision;
import java.math.BigDecimal;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payment by bank transfer before shipping: the payment gets its own ISO 11649 creditor reference, the customer
 * transfers the amount due quoting it, and the bank-statement import ({@link BankStatements}) finds the transfer.
 */
@Service
public class BankTransfers {

  private static final Logger log = LoggerFactory.getLogger(BankTransfers.class);

  /** What the customer needs to pay, and the sentence that tells them. */
  public record Instructions(String orderNumber, String reference, BigDecimal amountDue, String currency,
      String text) {}

  private final PaymentLedger ledger;
  private final OrderService orders;
  private final TransactionTemplate tx;
  private final Clock clock;

  BankTransfers(PaymentLedger ledger, OrderService orders, PlatformTransactionManager txManager, Clock clock) {
    this.ledger = ledger;
    this.orders = orders;
    this.tx = new TransactionTemplate(txManager);
    this.clock = clock;
  }

  /**
   * Gives the payment its creditor reference (built from the order number, so it is unique and the same for a repeated
   * job) and records that the payment waits for the transfer.
   */
  public Instructions open(String orderId) {
    OrderSummary order = orders.summary(orderId);
    ledger.open(order);
    String reference = CreditorReference.of(order.orderNumber().replaceAll("[^A-Z0-9]", ""));
    Payment payment = tx.execute(status -> {
      Payment p = ledger.load(orderId);
      p.transferReference(reference, clock.instant());
      if (p.status() == PaymentStatus.PENDING) {
        ledger.record(p, PaymentStatus.AWAITING_TRANSFER, "Waiting for a bank transfer of " + p.money() + " quoting "
            + CreditorReference.printed(p.transferReference()));
        log.info("Order {} waits for a bank transfer", orderId);
      }
      return p;
    });
    String printed = CreditorReference.printed(payment.transferReference());
    return new Instructions(order.orderNumber(), payment.transferReference(), payment.amountDue(), payment.currency(),
        "Please transfer " + payment.money() + " to our account quoting the payment reference " + printed
            + " so we can match your payment to order " + order.orderNumber() + ".");
  }

  /**
   * The transfer arrived: with the amount due, or with another amount that finance accepted. The payment is PAID and
   * the order may ship.
   */
  public void confirm(String orderId, BigDecimal receivedAmount, boolean amountMatches, String differenceDecision,
      String differenceNote) {
    tx.executeWithoutResult(status -> {
      Payment payment = ledger.load(orderId);
      if (payment.status() == PaymentStatus.PAID) {
        return;
      }
      if (!amountMatches && !DifferenceDecision.ACCEPT.name().equals(differenceDecision)) {
        throw new IllegalStateException("Order " + orderId + ": a transfer of another amount than due secures the "
            + "payment only when finance accepts it (decision: " + differenceDecision + ")");
      }
      BigDecimal received = receivedAmount != null ? receivedAmount : payment.receivedAmount();
      if (received != null) {
        payment.received(received, clock.instant());
      }
      String amount = received == null ? payment.money() : payment.money(received);
      ledger.record(payment, PaymentStatus.PAID, amountMatches
          ? "Bank transfer of " + amount + " received"
          : "Bank transfer of " + amount + " received (" + payment.money() + " due), accepted by finance"
              + (differenceNote == null || differenceNote.isBlank() ? "" : ": " + differenceNote));
      orders.paymentAuthorized(orderId);
      log.info("Bank transfer for order {} confirmed", orderId);
    });
  }
}
