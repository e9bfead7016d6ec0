package io.orderflow.fulfillment.payment.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.annotation.JobWorker;
import io.orderflow.fulfillment.payment.BankTransfers;
import io.orderflow.fulfillment.payment.CashOnDelivery;
import io.orderflow.fulfillment.payment.Invoices;
import io.orderflow.fulfillment.payment.Payments;
import io.orderflow.fulfillment.process.PaymentProcess;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The payment steps that hand one call to a payment service and return what the model reads next. */
@DisplayName("The payment steps")
class PaymentStepWorkersTest {

  static final List<Class<?>> WORKERS = List.of(AuthorizePaymentWorker.class, RequestCardUpdateWorker.class,
      FailPaymentWorker.class, CapturePaymentWorker.class, OpenBankTransferWorker.class,
      ConfirmBankTransferWorker.class, RegisterCashOnDeliveryWorker.class, ExpectCashRemittanceWorker.class,
      RecordCashPaymentWorker.class, PrepareCreditCheckWorker.class, ApproveInvoicePaymentWorker.class,
      IssueInvoiceWorker.class, RecordInvoiceOverdueWorker.class, RecordInvoicePaidWorker.class,
      RecordNoChargeWorker.class);

  private final Payments payments = mock(Payments.class);
  private final BankTransfers bankTransfers = mock(BankTransfers.class);
  private final CashOnDelivery cashOnDelivery = mock(CashOnDelivery.class);
  private final Invoices invoices = mock(Invoices.class);

  @Test
  @DisplayName("each payment job type has exactly one worker (the notifications are the notification module's)")
  void oneWorkerPerJobType() throws IllegalAccessException {
    List<String> types = WORKERS.stream().flatMap(w -> Arrays.stream(w.getMethods()))
        .map(m -> m.getAnnotation(JobWorker.class)).filter(java.util.Objects::nonNull).map(JobWorker::type).toList();
    Set<String> expected = new HashSet<>();
    for (Field f : PaymentProcess.JobTypes.class.getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers())) {
        expected.add((String) f.get(null));
      }
    }
    expected.removeAll(Set.of(PaymentProcess.JobTypes.NOTIFY_CUSTOMER, PaymentProcess.JobTypes.NOTIFY_DEPARTMENT));

    assertThat(types).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    assertThat(WORKERS).allSatisfy(w -> assertThat(Arrays.stream(w.getMethods())
        .filter(m -> m.isAnnotationPresent(JobWorker.class)).map(Method::getName).collect(Collectors.toList()))
        .as("job worker methods of %s", w.getSimpleName()).hasSize(1));
  }

  @Test
  @DisplayName("request-card-update: the payment waits for another card")
  void requestCardUpdate() {
    new RequestCardUpdateWorker(payments).requestCardUpdate("o-1");
    verify(payments).awaitCardUpdate("o-1");
  }

  @Test
  @DisplayName("open-bank-transfer: returns the reference, the amount and the instructions for the customer")
  void openBankTransfer() {
    // given
    when(bankTransfers.open("o-1")).thenReturn(new BankTransfers.Instructions("ORD-AB2C3D4E", "RF45ORDAB2C3D4E",
        new BigDecimal("51.80"), "EUR", "Please transfer 51.80 EUR …"));

    // when
    Map<String, Object> variables = new OpenBankTransferWorker(bankTransfers).openBankTransfer("o-1");

    // then
    assertThat(variables).isEqualTo(Map.of("orderNumber", "ORD-AB2C3D4E", "paymentReference", "RF45ORDAB2C3D4E",
        "amountDue", new BigDecimal("51.80"), "currency", "EUR", "paymentInstructions", "Please transfer 51.80 EUR …"));
  }

  @Test
  @DisplayName("confirm-bank-transfer: passes the received amount and finance's decision, answers PAID")
  void confirmBankTransfer() {
    // when
    Map<String, Object> variables = new ConfirmBankTransferWorker(bankTransfers)
        .confirmBankTransfer("o-1", new BigDecimal("51.30"), false, "ACCEPT", "Bank fee");

    // then
    verify(bankTransfers).confirm("o-1", new BigDecimal("51.30"), false, "ACCEPT", "Bank fee");
    assertThat(variables).isEqualTo(Map.of("paymentStatus", "PAID"));
  }

  @Test
  @DisplayName("register-cash-on-delivery: answers COLLECT_ON_DELIVERY")
  void registerCashOnDelivery() {
    assertThat(new RegisterCashOnDeliveryWorker(cashOnDelivery).registerCashOnDelivery("o-2"))
        .isEqualTo(Map.of("paymentStatus", "COLLECT_ON_DELIVERY"));
    verify(cashOnDelivery).register("o-2");
  }

  @Test
  @DisplayName("record-no-charge: a free replacement's payment is recorded at nothing to pay")
  void recordNoCharge() {
    assertThat(new RecordNoChargeWorker(payments).recordNoCharge("o-7"))
        .isEqualTo(Map.of("paymentStatus", "NO_CHARGE"));
    verify(payments).recordNoCharge("o-7");
  }

  @Test
  @DisplayName("expect-cash-remittance: returns what finance's forms show")
  void expectCashRemittance() {
    // given
    when(cashOnDelivery.expectRemittance("o-2"))
        .thenReturn(new CashOnDelivery.Facts("ORD-CCCC3333", new BigDecimal("64.90"), "EUR"));

    // then
    assertThat(new ExpectCashRemittanceWorker(cashOnDelivery).expectCashRemittance("o-2"))
        .isEqualTo(Map.of("orderNumber", "ORD-CCCC3333", "amountDue", new BigDecimal("64.90"), "currency", "EUR"));
  }

  @Test
  @DisplayName("record-cash-payment: passes the reported amount and finance's reconciliation")
  void recordCashPayment() {
    new RecordCashPaymentWorker(cashOnDelivery).recordCashPayment("o-2", new BigDecimal("60.00"),
        new BigDecimal("64.90"), "Courier paid the rest");
    verify(cashOnDelivery).recordPaid("o-2", new BigDecimal("60.00"), new BigDecimal("64.90"), "Courier paid the rest");
  }

  @Test
  @DisplayName("prepare-credit-check: returns the inputs of the credit-check decision")
  void prepareCreditCheck() {
    // given
    when(invoices.creditFacts("o-6")).thenReturn(new Invoices.CreditFacts("ORD-EEEE5555", new BigDecimal("238.40"),
        "EUR", 3, new BigDecimal("0.00")));

    // then
    assertThat(new PrepareCreditCheckWorker(invoices).prepareCreditCheck("o-6")).isEqualTo(Map.of(
        "orderNumber", "ORD-EEEE5555", "amountDue", new BigDecimal("238.40"), "currency", "EUR",
        "deliveredOrderCount", 3L, "openInvoiceAmount", new BigDecimal("0.00")));
  }

  @Test
  @DisplayName("approve-invoice-payment: passes the credit check's reason and finance's review, answers INVOICE_APPROVED")
  void approveInvoicePayment() {
    // when
    Map<String, Object> variables = new ApproveInvoicePaymentWorker(invoices).approveInvoicePayment("o-6",
        new ApproveInvoicePaymentWorker.CreditCheck("REVIEW", "this is a first order above 250.00"), "APPROVE",
        "Known customer");

    // then
    verify(invoices).approve("o-6", "this is a first order above 250.00", "APPROVE", "Known customer");
    assertThat(variables).isEqualTo(Map.of("paymentStatus", "INVOICE_APPROVED"));
  }

  @Test
  @DisplayName("issue-invoice: returns the number, when it becomes overdue (ISO 8601) and the customer's text")
  void issueInvoice() {
    // given
    when(invoices.issue("o-6")).thenReturn(new Invoices.IssuedInvoice("INV-2026-000123", "ORD-EEEE5555",
        new BigDecimal("238.40"), "EUR", LocalDate.of(2026, 12, 7), Instant.parse("2026-12-07T23:00:00Z"),
        "RF98INV2026000123", "Invoice INV-2026-000123 …"));

    // then
    assertThat(new IssueInvoiceWorker(invoices).issueInvoice("o-6")).isEqualTo(Map.of(
        "invoiceNumber", "INV-2026-000123", "invoiceDueAt", "2026-12-07T23:00:00Z", "orderNumber", "ORD-EEEE5555",
        "amountDue", new BigDecimal("238.40"), "currency", "EUR", "paymentReference", "RF98INV2026000123",
        "invoiceText", "Invoice INV-2026-000123 …"));
  }

  @Test
  @DisplayName("record-invoice-overdue and record-invoice-paid: one call each")
  void invoiceOverdueAndPaid() {
    new RecordInvoiceOverdueWorker(invoices).recordInvoiceOverdue("o-6");
    new RecordInvoicePaidWorker(invoices).recordInvoicePaid("o-6", new BigDecimal("238.40"));
    verify(invoices).markOverdue("o-6");
    verify(invoices).recordPaid("o-6", new BigDecimal("238.40"));
  }
}
