package io.orderflow.fulfillment.payment;

import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.PaymentStatus;
import io.orderflow.fulfillment.payment.PaymentGateway.RefundRequest;
import io.orderflow.fulfillment.payment.PaymentGateway.RefundResult;
import io.orderflow.fulfillment.process.PaymentProcess.Methods;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shared.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The money side of a return (RMA), once per order and RMA number: what was taken goes back the way the customer paid
 * (card refund, or a payout by finance for money received by transfer, cash or a paid invoice), or as store credit if
 * the customer chose it; what was not taken yet is asked for less (the open invoice, the later capture or cash
 * collection). Refunds of returns and cancellations together never exceed what was taken: every refund is counted on
 * the payment ({@code refundedAmount}) in the transaction that decides it, before the provider is asked.
 */
@Service
public class ReturnRefunds {

  private static final Logger log = LoggerFactory.getLogger(ReturnRefunds.class);

  /** Free replacement orders: nothing is charged, so nothing comes back. */

  private static final int ATTEMPTS = 5;

  private final ReturnRefundEntryRepository refunds;
  private final PaymentCaptureRepository captures;
  private final InvoiceRepository invoices;
  private final StoreCredits storeCredits;
  private final PaymentLedger ledger;
  private final PaymentGateway gateway;
  private final OrderService orders;
  private final TransactionTemplate tx;
  private final Clock clock;

  ReturnRefunds(ReturnRefundEntryRepository refunds, PaymentCaptureRepository captures, InvoiceRepository invoices,
      StoreCredits storeCredits, PaymentLedger ledger, PaymentGateway gateway, OrderService orders,
      PlatformTransactionManager txManager, Clock clock) {
    this.refunds = refunds;
    this.captures = captures;
    this.invoices = invoices;
    this.storeCredits = storeCredits;
    this.ledger = ledger;
    this.gateway = gateway;
    this.orders = orders;
    this.tx = new TransactionTemplate(txManager);
    this.clock = clock;
  }

  /**
   * Refunds the return once; a repeated (or concurrent) call returns the first outcome.
   *
   * <ul>
   *   <li>amount zero or less, a {@code NO_CHARGE} order, no payment, or everything taken refunded before: NOTHING;
   *   <li>money taken (card captured, transfer received, cash collected, invoice paid) and the customer chose store
   *       credit: STORE_CREDIT for the customer's e-mail;
   *   <li>card captured: CARD_REFUNDED through the provider (idempotency key {@code refund:<order>:rma:<rma>});
   *   <li>transfer received, cash collected, invoice paid: BANK_PAYOUT_DUE, finance pays it out;
   *   <li>nothing taken yet (invoice not paid, cash not collected): REDUCED, whatever the choice, since no money
   *       changed hands to be credited.
   * </ul>
   * The amount is capped at what was taken less what was refunded before (cancellations and earlier returns).
   *
   * @throws NotFoundException for an unknown order
   * @throws PaymentProviderUnavailableException when the provider cannot answer now; retry later (the refund is
   *     reserved and the retry asks the provider again with the same idempotency key)
   * @throws PaymentReversalRefusedException when the provider refuses the refund; someone must look at it
   */
  public ReturnRefund refundReturn(String orderId, String rmaNumber, BigDecimal amount, RefundChoice choice) {
    requireRma(rmaNumber);
    RefundChoice chosen = choice == null ? RefundChoice.ORIGINAL_METHOD : choice;
    Optional<ReturnRefundEntry> known = refunds.findByOrderIdAndRmaNumber(orderId, rmaNumber);
    if (known.isPresent()) {
      return known.get().pending() ? completeCardRefund(known.get()) : view(known.get());
    }
    OrderSummary order = orders.summary(orderId);
    BigDecimal requested = amount == null ? BigDecimal.ZERO : amount.setScale(2, RoundingMode.HALF_UP);
    ReturnRefundEntry decided = null;
    for (int attempt = 1; decided == null; attempt++) {
      try {
        decided = tx.execute(status -> decide(order, rmaNumber, requested, chosen));
      } catch (DataIntegrityViolationException | OptimisticLockingFailureException concurrent) {
        // the same return refunded concurrently (unique order + RMA), or another refund of the order changed the
        // payment meanwhile: read theirs, or decide again on the payment as it is now
        Optional<ReturnRefundEntry> theirs = refunds.findByOrderIdAndRmaNumber(orderId, rmaNumber);
        if (theirs.isPresent()) {
          decided = theirs.get();
        } else if (attempt == ATTEMPTS) {
          throw concurrent;
        }
      }
    }
    return decided.pending() ? completeCardRefund(decided) : view(decided);
  }

  /**
   * Finance paid a refund due out by bank transfer: the payout reference is stored once (the same reference again
   * changes nothing).
   *
   * @throws NotFoundException when the order has no refund for this RMA
   * @throws ConflictException when the return's refund is no payout (or was paid out under another reference)
   */
  public ReturnRefund recordReturnPayout(String orderId, String rmaNumber, String payoutReference) {
    requireRma(rmaNumber);
    if (payoutReference == null || payoutReference.isBlank()) {
      throw new InvalidRequestException("payoutReference", "is required: the reference of finance's bank transfer");
    }
    String reference = payoutReference.trim();
    if (reference.length() > 80) {
      throw new InvalidRequestException("payoutReference", "is at most 80 characters");
    }
    refunds.findByOrderIdAndRmaNumber(orderId, rmaNumber)
        .orElseThrow(() -> new NotFoundException("Refund of return", orderId + "/" + rmaNumber));
    for (int attempt = 1; ; attempt++) {
      try {
        return tx.execute(status -> {
          ReturnRefundEntry refund = refunds.findByOrderIdAndRmaNumber(orderId, rmaNumber).orElseThrow();
          if (!refund.paidOut(reference, clock.instant())) {
            return view(refund);
          }
          refunds.saveAndFlush(refund);
          Payment payment = ledger.load(orderId);
          ledger.moved(payment, MoneyMovements.Kind.REFUNDED, refund.amount(), reference,
              "REFUNDED:" + orderId + ":rma:" + rmaNumber);
          PaymentStatus after = refunds.existsByOrderIdAndStatus(orderId, ReturnRefundEntry.Status.PAYOUT_DUE)
              ? PaymentStatus.REFUND_DUE
              : payment.refundedAmount().compareTo(taken(payment)) >= 0 ? PaymentStatus.REFUNDED : PaymentStatus.PAID;
          ledger.record(payment, after, "Return " + rmaNumber + ": " + payment.money(refund.amount())
              + " paid out by bank transfer (" + reference + ")");
          log.info("Refund of return {} of order {} paid out", rmaNumber, orderId);
          return view(refund);
        });
      } catch (OptimisticLockingFailureException concurrent) {
        if (attempt == ATTEMPTS) {
          throw concurrent;
        }
      }
    }
  }

  /**
   * The refunds of the order's returns, in the order they were made.
   *
   * @throws NotFoundException for an unknown order
   */
  public List<ReturnRefund> returnRefunds(String orderId) {
    orders.summary(orderId);
    return refunds.findByOrderIdOrderById(orderId).stream().map(ReturnRefunds::view).toList();
  }

  /** Runs in the deciding transaction: stores the outcome and everything it changes, except the provider's refund. */
  private ReturnRefundEntry decide(OrderSummary order, String rmaNumber, BigDecimal requested, RefundChoice choice) {
    String orderId = order.id();
    Optional<Payment> opened = ledger.find(orderId);
    String currency = opened.map(Payment::currency).orElse(order.currency().getCurrencyCode());
    if (requested.signum() <= 0) {
      return nothing(orderId, rmaNumber, choice, requested, currency, "Nothing to refund");
    }
    if (!order.chargeCustomer()) {
      return nothing(orderId, rmaNumber, choice, requested, currency, "A free replacement order: nothing was charged");
    }
    if (opened.isEmpty()) {
      return nothing(orderId, rmaNumber, choice, requested, currency, "No payment was opened for the order");
    }
    Payment payment = opened.get();
    BigDecimal taken = taken(payment);
    if (taken.signum() > 0) {
      BigDecimal amount = requested.min(taken.subtract(payment.refundedAmount()));
      if (amount.signum() <= 0) {
        return nothing(orderId, rmaNumber, choice, requested, currency,
            "Everything taken (" + payment.money(taken) + ") was refunded before");
      }
      payment.refunded(amount, clock.instant()); // counted now, so no later refund can give it back again
      if (choice == RefundChoice.STORE_CREDIT) {
        StoreCredits.Credit credit = storeCredits.issue(order.customer().email(), amount, currency, orderId,
            rmaNumber);
        ledger.moved(payment, MoneyMovements.Kind.STORE_CREDIT, amount, credit.code(),
            "STORE_CREDIT:" + orderId + ":rma:" + rmaNumber);
        ledger.record(payment, statusAfterRefund(payment, taken), "Return " + rmaNumber + ": "
            + payment.money(amount) + " as store credit " + credit.code());
        log.info("Return {} of order {} refunded as store credit", rmaNumber, orderId);
        return refunds.saveAndFlush(ReturnRefundEntry.done(orderId, rmaNumber, choice, ReturnRefundAction.STORE_CREDIT,
            requested, amount, currency, credit.code(), null, clock.instant()));
      }
      if (Methods.CARD.equals(payment.method())) {
        log.info("Return {} of order {}: card refund reserved", rmaNumber, orderId);
        return refunds.saveAndFlush(ReturnRefundEntry.cardRefundPending(orderId, rmaNumber, choice, requested, amount,
            currency, clock.instant()));
      }
      ledger.moved(payment, MoneyMovements.Kind.REFUND_DUE, amount, null,
          "REFUND_DUE:" + orderId + ":rma:" + rmaNumber);
      ledger.record(payment, PaymentStatus.REFUND_DUE, "Return " + rmaNumber + ": " + payment.money(amount)
          + " is owed back to the payer; finance pays it out");
      log.info("Return {} of order {}: refund due, finance pays it out", rmaNumber, orderId);
      return refunds.saveAndFlush(ReturnRefundEntry.payoutDue(orderId, rmaNumber, choice, requested, amount, currency,
          clock.instant()));
    }
    // Nothing taken yet: what is still to be paid goes down by the returned goods.
    BigDecimal amount = requested.min(payment.amountDue());
    if (amount.signum() <= 0) {
      return nothing(orderId, rmaNumber, choice, requested, currency, "Nothing is left to pay");
    }
    payment.cancelShare(amount, clock.instant());
    Optional<Invoice> invoice = invoices.findByOrderId(orderId).filter(Invoice::open);
    invoice.ifPresent(i -> i.reduce(amount));
    String reference = invoice.map(Invoice::invoiceNumber).orElse(null);
    ledger.moved(payment, MoneyMovements.Kind.REDUCED, amount, reference, "REDUCED:" + orderId + ":rma:" + rmaNumber);
    ledger.record(payment, payment.status(), "Return " + rmaNumber + ": " + payment.money(amount) + " less to pay"
        + invoice.map(i -> "; invoice " + i.invoiceNumber() + " now asks for " + payment.money(i.amount())).orElse(""));
    log.info("Return {} of order {}: {} less to pay", rmaNumber, orderId, amount);
    return refunds.saveAndFlush(ReturnRefundEntry.done(orderId, rmaNumber, choice, ReturnRefundAction.REDUCED,
        requested, amount, currency, reference, null, clock.instant()));
  }

  /** Asks the provider for the reserved card refund (again, after a failure: same key) and records its answer. */
  private ReturnRefund completeCardRefund(ReturnRefundEntry reserved) {
    String orderId = reserved.orderId();
    String rmaNumber = reserved.rmaNumber();
    PaymentCapture capture = captures.findByOrderId(orderId).orElseThrow(() -> new IllegalStateException(
        "Order " + orderId + " has a card refund of return " + rmaNumber + " but no capture"));
    RefundResult result = gateway.refund(new RefundRequest(idempotencyKey(orderId, rmaNumber),
        capture.providerReference(), reserved.amount(), Currency.getInstance(reserved.currency())));
    if (result instanceof RefundResult.Refused refused) {
      throw new PaymentReversalRefusedException("The payment provider refused to refund "
          + reserved.amount().toPlainString() + " " + reserved.currency() + " for return " + rmaNumber + " of order "
          + orderId + ": " + refused.message() + " (" + refused.code() + ")");
    }
    String refundId = ((RefundResult.Refunded) result).refundId();
    for (int attempt = 1; ; attempt++) {
      try {
        return tx.execute(status -> {
          ReturnRefundEntry refund = refunds.findByOrderIdAndRmaNumber(orderId, rmaNumber).orElseThrow();
          if (!refund.pending()) {
            return view(refund);
          }
          refund.cardRefunded(refundId, clock.instant());
          refunds.saveAndFlush(refund);
          Payment payment = ledger.load(orderId);
          ledger.moved(payment, MoneyMovements.Kind.REFUNDED, refund.amount(), refundId,
              "REFUNDED:" + orderId + ":rma:" + rmaNumber);
          ledger.record(payment, statusAfterRefund(payment, capture.amount()), "Return " + rmaNumber + ": "
              + payment.money(refund.amount()) + " refunded to the card");
          log.info("Return {} of order {} refunded to the card", rmaNumber, orderId);
          return view(refund);
        });
      } catch (OptimisticLockingFailureException concurrent) {
        if (attempt == ATTEMPTS) {
          throw concurrent;
        }
      }
    }
  }

  static String idempotencyKey(String orderId, String rmaNumber) {
    return "refund:" + orderId + ":rma:" + rmaNumber;
  }

  /**
   * What was taken from the customer: the card capture, or the money received by transfer, cash or invoice (an
   * invoice the bank statement shows paid counts before its settlement records the amount).
   */
  private BigDecimal taken(Payment payment) {
    if (Methods.CARD.equals(payment.method())) {
      return captures.findByOrderId(payment.orderId()).map(PaymentCapture::amount).orElse(BigDecimal.ZERO);
    }
    if (payment.receivedAmount() != null) {
      return payment.receivedAmount();
    }
    if (Methods.INVOICE.equals(payment.method())) {
      return invoices.findByOrderId(payment.orderId()).filter(i -> !i.open()).map(Invoice::amount)
          .orElse(BigDecimal.ZERO);
    }
    return BigDecimal.ZERO;
  }

  /** REFUNDED once everything taken went back; otherwise the payment keeps its status (the detail tells the return). */
  private static PaymentStatus statusAfterRefund(Payment payment, BigDecimal taken) {
    return payment.refundedAmount().compareTo(taken) >= 0 && payment.status() != PaymentStatus.REFUND_DUE
        ? PaymentStatus.REFUNDED : payment.status();
  }

  private ReturnRefundEntry nothing(String orderId, String rmaNumber, RefundChoice choice, BigDecimal requested,
      String currency, String note) {
    log.info("Return {} of order {}: nothing to refund ({})", rmaNumber, orderId, note);
    return refunds.saveAndFlush(ReturnRefundEntry.done(orderId, rmaNumber, choice, ReturnRefundAction.NOTHING,
        requested, BigDecimal.ZERO.setScale(2), currency, null, note, clock.instant()));
  }

  private static void requireRma(String rmaNumber) {
    if (rmaNumber == null || rmaNumber.isBlank()) {
      throw new InvalidRequestException("rmaNumber", "is required");
    }
    if (rmaNumber.length() > 40) {
      throw new InvalidRequestException("rmaNumber", "is at most 40 characters");
    }
  }

  private static ReturnRefund view(ReturnRefundEntry r) {
    return new ReturnRefund(r.orderId(), r.rmaNumber(), r.action(), r.amount(), r.currency(), r.reference());
  }
}
