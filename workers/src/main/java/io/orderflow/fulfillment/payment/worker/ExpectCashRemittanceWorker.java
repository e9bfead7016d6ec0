package io.orderflow.fulfillment.payment.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.payment.CashOnDelivery;
import io.orderflow.fulfillment.process.PaymentProcess.JobTypes;
import io.orderflow.fulfillment.process.PaymentProcess.Variables;
import java.util.Map;
import org.springframework.stereotype.Component;

/** "Expect cash from courier": the settlement waits for the courier's report of the cash it collected. */
@Component
public class ExpectCashRemittanceWorker {

  private final CashOnDelivery cashOnDelivery;

  public ExpectCashRemittanceWorker(CashOnDelivery cashOnDelivery) {
    this.cashOnDelivery = cashOnDelivery;
  }

  @JobWorker(type = JobTypes.EXPECT_CASH_REMITTANCE)
  public Map<String, Object> expectCashRemittance(@Variable String orderId) {
    CashOnDelivery.Facts facts = cashOnDelivery.expectRemittance(orderId);
    return Map.of(Variables.ORDER_NUMBER, facts.orderNumber(), Variables.AMOUNT_DUE, facts.amountDue(),
        Variables.CURRENCY, facts.currency());
  }
}
