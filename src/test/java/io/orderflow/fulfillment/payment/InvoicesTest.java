package io.orderflow.fulfillment.payment;

import static io.orderflow.fulfillment.payment.PaymentFixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.PaymentStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

@DisplayName("Payment by invoice")
class InvoicesTest {

  static final InvoiceSettings SETTINGS = new InvoiceSettings(Period.ofDays(14), ZoneId.of("Europe/Madrid"));

  private final InvoiceRepository invoices = mock(InvoiceRepository.class);
  private final PaymentRepository payments = mock(PaymentRepository.class);
  private final OrderService orders = mock(OrderService.class);

  private final AtomicReference<Invoice> saved = new AtomicReference<>();
  private Payment payment;

  @BeforeEach
  void anInvoiceOrder() {
    OrderSummary order = PaymentFixtures.order("o-6", "ORD-EEEE5555", "INVOICE", null, "238.40");
    when(orders.summary("o-6")).thenReturn(order);
    payment = PaymentFixtures.payment(order);
    when(payments.findByOrderId("o-6")).thenReturn(Optional.of(payment));
    when(invoices.findByOrderId("o-6")).thenAnswer(call -> Optional.ofNullable(saved.get()));
    when(invoices.saveAndFlush(any())).thenAnswer(call -> {
      saved.set(call.getArgument(0));
      return call.getArgument(0);
    });
  }

  @Test
  @DisplayName("gathers the amount due, the customer's delivered orders and unpaid invoices (by e-mail, any case)")
  void creditFacts() {
    // given
    when(orders.deliveredOrderCount("Ana@Example.com")).thenReturn(3L);
    when(invoices.openAmount("ana@example.com", "EUR", Set.of(Invoice.Status.ISSUED, Invoice.Status.OVERDUE)))
        .thenReturn(new BigDecimal("120.5"));

    // when
    Invoices.CreditFacts facts = invoices(CLOCK).creditFacts("o-6");

    // then
    assertThat(facts).isEqualTo(new Invoices.CreditFacts("ORD-EEEE5555", new BigDecimal("238.40"), "EUR", 3,
        new BigDecimal("120.50")));
    assertThat(payment.status()).isEqualTo(PaymentStatus.CREDIT_REVIEW);
  }

  @Test
  @DisplayName("approves payment by invoice with the credit check's reason or finance's review, and lets the order ship")
  void approve() {
    // when
    invoices(CLOCK).approve("o-6", null, "APPROVE", "Known business customer");

    // then
    assertThat(payment.status()).isEqualTo(PaymentStatus.INVOICE_APPROVED);
    verify(orders).paymentAuthorized("o-6");
    verify(orders).recordPaymentStatus("o-6", PaymentStatus.INVOICE_APPROVED,
        "Payment by invoice approved: by finance's credit review (Known business customer)");
  }

  @Test
  @DisplayName("issues the next number of the year, due 14 days later, overdue from the next day in the shop's zone")
  void issue() {
    // given
    when(invoices.lastSequenceNo(2026)).thenReturn(122);

    // when
    Invoices.IssuedInvoice invoice = invoices(CLOCK).issue("o-6");

    // then
    assertThat(invoice.invoiceNumber()).isEqualTo("INV-2026-000123");
    assertThat(invoice.dueOn()).isEqualTo(LocalDate.of(2026, 12, 7));
    assertThat(invoice.dueAt()).isEqualTo(Instant.parse("2026-12-07T23:00:00Z"));
    assertThat(CreditorReference.isValid(invoice.reference())).isTrue();
    assertThat(invoice.reference()).endsWith("INV2026000123");
    assertThat(invoice.text()).contains("INV-2026-000123", "238.40 EUR", "7 December 2026",
        CreditorReference.printed(invoice.reference()));
    assertThat(saved.get().customerEmail()).isEqualTo("ana@example.com");
    verify(orders).recordPaymentStatus("o-6", PaymentStatus.INVOICED, "Invoice INV-2026-000123 issued, due 7 December 2026");
  }

  @Test
  @DisplayName("issues the invoice of an order once: a repeated job gets the same invoice")
  void issueOnce() {
    // given
    when(invoices.lastSequenceNo(2026)).thenReturn(0);
    Invoices.IssuedInvoice first = invoices(CLOCK).issue("o-6");

    // when
    Invoices.IssuedInvoice again = invoices(CLOCK).issue("o-6");

    // then
    assertThat(again).isEqualTo(first);
    verify(invoices, times(1)).saveAndFlush(any());
  }

  @Test
  @DisplayName("takes the next number when another invoice took the number a moment before")
  void numberTakenConcurrently() {
    // given
    when(invoices.lastSequenceNo(anyInt())).thenReturn(122, 123);
    when(invoices.saveAndFlush(any())).thenThrow(new DataIntegrityViolationException("uq_invoice_sequence"))
        .thenAnswer(call -> {
          saved.set(call.getArgument(0));
          return call.getArgument(0);
        });

    // when
    Invoices.IssuedInvoice invoice = invoices(CLOCK).issue("o-6");

    // then
    assertThat(invoice.invoiceNumber()).isEqualTo("INV-2026-000124");
  }

  @Test
  @DisplayName("numbers by the year of the shop's zone: 23:30 UTC on New Year's Eve is already next year in Madrid")
  void yearOfTheShopsZone() {
    // given
    when(invoices.lastSequenceNo(2027)).thenReturn(0);

    // when
    Invoices.IssuedInvoice invoice = invoices(Clock.fixed(Instant.parse("2026-12-31T23:30:00Z"), ZoneOffset.UTC))
        .issue("o-6");

    // then
    assertThat(invoice.invoiceNumber()).isEqualTo("INV-2027-000001");
    assertThat(invoice.dueOn()).isEqualTo(LocalDate.of(2027, 1, 15));
  }

  @Test
  @DisplayName("marks an unpaid invoice overdue and records it paid when the money arrives")
  void overdueThenPaid() {
    // given
    when(invoices.lastSequenceNo(2026)).thenReturn(0);
    Invoices service = invoices(CLOCK);
    service.issue("o-6");

    // when
    service.markOverdue("o-6");
    PaymentStatus overdue = payment.status();
    service.recordPaid("o-6", new BigDecimal("238.40"));
    service.markOverdue("o-6");

    // then
    assertThat(overdue).isEqualTo(PaymentStatus.OVERDUE);
    assertThat(saved.get().status()).isEqualTo(Invoice.Status.PAID);
    assertThat(payment.status()).isEqualTo(PaymentStatus.PAID);
    verify(orders).recordPaymentStatus("o-6", PaymentStatus.PAID, "Invoice INV-2026-000001 paid: 238.40 EUR");
  }

  private Invoices invoices(Clock clock) {
    PaymentLedger ledger = new PaymentLedger(payments, orders, PaymentFixtures.movements(),
        PaymentFixtures.transactions(), clock);
    return new Invoices(invoices, ledger, orders, SETTINGS, PaymentFixtures.transactions(), clock);
  }
}
