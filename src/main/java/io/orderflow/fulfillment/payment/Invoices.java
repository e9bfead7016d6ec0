package io.orderflow.fulfillment.payment;

import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.PaymentStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payment by invoice: the facts the credit check decides on, the approval that lets the order ship, and after
 * delivery the invoice itself, its due date, dunning and payment.
 */
@Service
public class Invoices {

  private static final Logger log = LoggerFactory.getLogger(Invoices.class);
  private static final int NUMBERING_ATTEMPTS = 5;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

  /** What the credit-check decision reads. */
  public record CreditFacts(String orderNumber, BigDecimal amountDue, String currency, long deliveredOrderCount,
      BigDecimal openInvoiceAmount) {}

  /**
   * An issued invoice. {@code dueAt} is the instant it becomes overdue: the start of the day after its due date in the
   * shop's time zone. {@code text} tells the customer what to pay, by when and with which reference.
   */
  public record IssuedInvoice(String invoiceNumber, String orderNumber, BigDecimal amount, String currency,
      LocalDate dueOn, Instant dueAt, String reference, String text) {}

  private final InvoiceRepository invoices;
  private final PaymentLedger ledger;
  private final OrderService orders;
  private final InvoiceSettings settings;
  private final TransactionTemplate tx;
  private final TransactionTemplate newTransaction;
  private final Clock clock;

  Invoices(InvoiceRepository invoices, PaymentLedger ledger, OrderService orders, InvoiceSettings settings,
      PlatformTransactionManager txManager, Clock clock) {
    this.invoices = invoices;
    this.ledger = ledger;
    this.orders = orders;
    this.settings = settings;
    this.tx = new TransactionTemplate(txManager);
    this.newTransaction = new TransactionTemplate(txManager);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.clock = clock;
  }

  /**
   * The amount due, how many earlier orders of the customer (same e-mail) were delivered and how much the customer
   * owes on open invoices in the order's currency. The payment is recorded as under credit review meanwhile.
   */
  public CreditFacts creditFacts(String orderId) {
    OrderSummary order = orders.summary(orderId);
    ledger.open(order);
    String currency = order.currency().getCurrencyCode();
    long delivered = orders.deliveredOrderCount(order.customer().email());
    BigDecimal open = invoices.openAmount(normalised(order.customer().email()), currency,
        Set.of(Invoice.Status.ISSUED, Invoice.Status.OVERDUE));
    Payment payment = tx.execute(status -> {
      Payment p = ledger.load(orderId);
      if (p.status() == PaymentStatus.PENDING) {
        ledger.record(p, PaymentStatus.CREDIT_REVIEW, "Checking whether the order may be paid by invoice");
      }
      return p;
    });
    return new CreditFacts(order.orderNumber(), payment.amountDue(), payment.currency(), delivered,
        open.setScale(2, java.math.RoundingMode.HALF_UP));
  }

  /**
   * The credit check approved payment by invoice, or finance did in its review ({@code creditReviewDecision} given,
   * with its note): the order may ship.
   */
  public void approve(String orderId, String creditCheckReason, String creditReviewDecision, String creditReviewNote) {
    String reason = creditReviewDecision == null ? creditCheckReason
        : "by finance's credit review" + (creditReviewNote == null || creditReviewNote.isBlank() ? ""
            : " (" + creditReviewNote + ")");
    tx.executeWithoutResult(status -> {
      Payment payment = ledger.load(orderId);
      if (payment.status() != PaymentStatus.PENDING && payment.status() != PaymentStatus.CREDIT_REVIEW) {
        return;
      }
      ledger.record(payment, PaymentStatus.INVOICE_APPROVED, "Payment by invoice approved"
          + (reason == null || reason.isBlank() ? "" : ": " + reason));
      orders.paymentAuthorized(orderId);
      log.info("Payment by invoice approved for order {}", orderId);
    });
  }

  /**
   * Issues the order's invoice once: the next number of the year, due a payment term after today, with its own
   * creditor reference. A repeated job gets the invoice issued before.
   */
  public IssuedInvoice issue(String orderId) {
    OrderSummary order = orders.summary(orderId);
    Optional<Invoice> issued = invoices.findByOrderId(orderId);
    if (issued.isPresent()) {
      return view(issued.get(), order.orderNumber());
    }
    Payment payment = ledger.load(orderId);
    LocalDate today = LocalDate.now(clock.withZone(settings.timeZone()));
    LocalDate dueOn = today.plus(settings.paymentTerm());
    for (int attempt = 1; ; attempt++) {
      try {
        Invoice invoice = newTransaction.execute(status -> {
          int sequenceNo = invoices.lastSequenceNo(today.getYear()) + 1;
          Invoice created = invoices.saveAndFlush(new Invoice(orderId, today.getYear(), sequenceNo,
              normalised(order.customer().email()), payment.amountDue(), payment.currency(), today, dueOn,
              clock.instant()));
          ledger.record(ledger.load(orderId), PaymentStatus.INVOICED, "Invoice " + created.invoiceNumber()
              + " issued, due " + DAY.format(dueOn));
          return created;
        });
        log.info("Invoice {} issued for order {}", invoice.invoiceNumber(), orderId);
        return view(invoice, order.orderNumber());
      } catch (DataIntegrityViolationException numberOrOrderTaken) {
        Optional<Invoice> concurrent = invoices.findByOrderId(orderId);
        if (concurrent.isPresent()) {
          return view(concurrent.get(), order.orderNumber());
        }
        if (attempt == NUMBERING_ATTEMPTS) {
          throw numberOrOrderTaken;
        }
        // another invoice took the number meanwhile: take the next one
      }
    }
  }

  /** The due date passed without payment: the invoice is overdue (a paid one stays paid). */
  public void markOverdue(String orderId) {
    tx.executeWithoutResult(status -> {
      Invoice invoice = load(orderId);
      invoice.overdue();
      Payment payment = ledger.load(orderId);
      if (invoice.status() == Invoice.Status.OVERDUE && payment.status() != PaymentStatus.OVERDUE) {
        ledger.record(payment, PaymentStatus.OVERDUE, "Invoice " + invoice.invoiceNumber() + " was due on "
            + DAY.format(invoice.dueOn()) + " and is not paid");
      }
    });
  }

  /** The bank statement showed the invoice paid in full. */
  public void recordPaid(String orderId, BigDecimal receivedAmount) {
    tx.executeWithoutResult(status -> {
      Invoice invoice = load(orderId);
      invoice.paid(clock.instant());
      Payment payment = ledger.load(orderId);
      if (payment.status() != PaymentStatus.PAID) {
        BigDecimal received = receivedAmount == null ? invoice.amount() : receivedAmount;
        payment.received(received, clock.instant());
        ledger.record(payment, PaymentStatus.PAID, "Invoice " + invoice.invoiceNumber() + " paid: "
            + payment.money(received));
        log.info("Invoice {} of order {} paid", invoice.invoiceNumber(), orderId);
      }
    });
  }

  private Invoice load(String orderId) {
    return invoices.findByOrderId(orderId)
        .orElseThrow(() -> new IllegalStateException("Order " + orderId + " has no invoice"));
  }

  private IssuedInvoice view(Invoice invoice, String orderNumber) {
    Instant dueAt = invoice.dueOn().plusDays(1).atStartOfDay(settings.timeZone()).toInstant();
    String amount = invoice.amount().toPlainString() + " " + invoice.currency();
    return new IssuedInvoice(invoice.invoiceNumber(), orderNumber, invoice.amount(), invoice.currency(),
        invoice.dueOn(), dueAt, invoice.reference(), "Invoice " + invoice.invoiceNumber() + " for order " + orderNumber
            + ": please transfer " + amount + " by " + DAY.format(invoice.dueOn()) + " quoting the payment reference "
            + CreditorReference.printed(invoice.reference()) + ".");
  }

  private static String normalised(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }
}
