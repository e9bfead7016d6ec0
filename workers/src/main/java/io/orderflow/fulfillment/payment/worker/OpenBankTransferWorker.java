package io.orderflow.fulfillment.payment.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.payment.BankTransfers;
import io.orderflow.fulfillment.process.PaymentProcess.JobTypes;
import io.orderflow.fulfillment.process.PaymentProcess.Variables;
import java.util.Map;
import org.springframework.stereotype.Component;

/** "Create payment reference": the payment's creditor reference and the instructions the customer is sent. */
@Component
public class OpenBankTransferWorker {

  private final BankTransfers bankTransfers;

  public OpenBankTransferWorker(BankTransfers bankTransfers) {
    this.bankTransfers = bankTransfers;
  }

  @JobWorker(type = JobTypes.OPEN_BANK_TRANSFER)
  public Map<String, Object> openBankTransfer(@Variable String orderId) {
    BankTransfers.Instructions instructions = bankTransfers.open(orderId);
    return Map.of(Variables.ORDER_NUMBER, instructions.orderNumber(),
        Variables.PAYMENT_REFERENCE, instructions.reference(),
        Variables.AMOUNT_DUE, instructions.amountDue(),
        Variables.CURRENCY, instructions.currency(),
        Variables.PAYMENT_INSTRUCTIONS, instructions.text());
  }
}
