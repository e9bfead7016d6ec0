package io.orderflow.fulfillment.returns.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.process.ReturnProcess.JobTypes;
import io.orderflow.fulfillment.returns.ReturnHandling;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Refunds the received lines; answers refundRoute (DONE or BANK_PAYOUT), refundAmount and refundCurrency. */
@Component
public class RefundReturnWorker {

  private final ReturnHandling handling;

  public RefundReturnWorker(ReturnHandling handling) {
    this.handling = handling;
  }

  @JobWorker(type = JobTypes.REFUND_RETURN)
  public Map<String, Object> refund(@Variable String returnId) {
    ReturnHandling.RefundResult refund = handling.refund(returnId);
    return Map.of("refundRoute", refund.route().name(), "refundAmount", refund.amount(),
        "refundCurrency", refund.currency());
  }
}
