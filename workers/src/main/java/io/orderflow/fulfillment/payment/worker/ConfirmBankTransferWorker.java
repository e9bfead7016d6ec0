package io.orderflow.fulfillment.payment.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.order.PaymentStatus;
import io.orderflow.fulfillment.payment.BankTransfers;
import io.orderflow.fulfillment.process.PaymentProcess.JobTypes;
import io.orderflow.fulfillment.process.PaymentProcess.Variables;
import java.math.BigDecimal;
import java.util.Map;
import org.springframework.stereotype.Component;

/** "Record transfer received": the transfer (of the amount due, or one finance accepted) secures the payment. */
@Component
public class ConfirmBankTransferWorker {

  private final BankTransfers bankTransfers;

  public ConfirmBankTransferWorker(BankTransfers bankTransfers) {
    this.bankTransfers = bankTransfers;
  }

  @JobWorker(type = JobTypes.CONFIRM_BANK_TRANSFER)
  public Map<String, Object> confirmBankTransfer(@Variable String orderId, @Variable BigDecimal receivedAmount,
      @Variable Boolean amountMatches, @Variable String differenceDecision, @Variable String differenceNote) {
    bankTransfers.confirm(orderId, receivedAmount, Boolean.TRUE.equals(amountMatches), differenceDecision,
        differenceNote);
    return Map.of(Variables.PAYMENT_STATUS, PaymentStatus.PAID.name());
  }
}
