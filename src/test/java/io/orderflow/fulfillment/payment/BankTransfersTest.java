package io.orderflow.fulfillment.payment;

import static io.orderflow.fulfillment.payment.PaymentFixtures.CLOCK;
import static io.orderflow.fulfillment.payment.PaymentFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.PaymentStatus;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Bank transfers")
class BankTransfersTest {

  private final PaymentRepository payments = mock(PaymentRepository.class);
  private final OrderService orders = mock(OrderService.class);
  private final PaymentLedger ledger = new PaymentLedger(payments, orders, PaymentFixtures.movements(),
      PaymentFixtures.transactions(), CLOCK);
  private final BankTransfers transfers = new BankTransfers(ledger, orders, PaymentFixtures.transactions(), CLOCK);

  private Payment payment;

  @BeforeEach
  void aBankTransferOrder() {
    OrderSummary order = PaymentFixtures.order("o-4", "ORD-AB2C3D4E", "BANK_TRANSFER", null, "51.80");
    when(orders.summary("o-4")).thenReturn(order);
    payment = PaymentFixtures.payment(order);
    when(payments.findByOrderId("o-4")).thenReturn(Optional.of(payment));
  }

  @Test
  @DisplayName("gives the payment a valid creditor reference built from the order number, the same every time")
  void reference() {
    // when
    BankTransfers.Instructions first = transfers.open("o-4");
    BankTransfers.Instructions again = transfers.open("o-4");

    // then
    assertThat(first.reference()).isEqualTo("RF45ORDAB2C3D4E").isEqualTo(again.reference());
    assertThat(CreditorReference.isValid(first.reference())).isTrue();
    assertThat(first.amountDue()).isEqualByComparingTo("51.80");
    assertThat(first.text()).contains("51.80 EUR").contains("RF45 ORDA B2C3 D4E").contains("ORD-AB2C3D4E");
    assertThat(payment.status()).isEqualTo(PaymentStatus.AWAITING_TRANSFER);
    verify(orders, times(1)).recordPaymentStatus("o-4", PaymentStatus.AWAITING_TRANSFER,
        "Waiting for a bank transfer of 51.80 EUR quoting RF45 ORDA B2C3 D4E");
  }

  @Test
  @DisplayName("secures the payment with the transfer of the amount due")
  void confirmExact() {
    // given
    transfers.open("o-4");

    // when
    transfers.confirm("o-4", new BigDecimal("51.80"), true, null, null);

    // then
    assertThat(payment.status()).isEqualTo(PaymentStatus.PAID);
    verify(orders).paymentAuthorized("o-4");
    verify(orders).recordPaymentStatus("o-4", PaymentStatus.PAID, "Bank transfer of 51.80 EUR received");
  }

  @Test
  @DisplayName("secures the payment with another amount only when finance accepted it, and keeps their note")
  void confirmAccepted() {
    // given
    transfers.open("o-4");
    assertThatThrownBy(() -> transfers.confirm("o-4", new BigDecimal("51.30"), false, "REJECT", "no"))
        .isInstanceOf(IllegalStateException.class);
    verify(orders, never()).paymentAuthorized("o-4");

    // when
    transfers.confirm("o-4", new BigDecimal("51.30"), false, "ACCEPT", "Bank fee deducted");

    // then
    assertThat(payment.status()).isEqualTo(PaymentStatus.PAID);
    assertThat(payment.receivedAmount()).isEqualByComparingTo("51.30");
    verify(orders).recordPaymentStatus("o-4", PaymentStatus.PAID,
        "Bank transfer of 51.30 EUR received (51.80 EUR due), accepted by finance: Bank fee deducted");
  }

  @Test
  @DisplayName("refuses a creditor reference for an order not paid by bank transfer")
  void notABankTransfer() {
    Payment card = new Payment("o-5", "CARD", new BigDecimal("1.00"), "EUR", "pm_card_visa", NOW);
    assertThatThrownBy(() -> card.transferReference("RF18539007547034", NOW))
        .isInstanceOf(io.orderflow.fulfillment.shared.ConflictException.class);
  }
}
