package io.orderflow.fulfillment.payment.worker;

import static io.orderflow.fulfillment.process.PaymentProcess.Variables.CANCELLATION_REASON;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.exception.CamundaError;
import io.orderflow.fulfillment.payment.Payments;
import io.orderflow.fulfillment.process.PaymentProcess.Errors;
import io.orderflow.fulfillment.process.PaymentProcess.JobTypes;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * "Cancel payment": records the payment as FAILED and raises PAYMENT_FAILED with the reason the customer reads
 * ({@code cancellationReason}). The error is raised by the job, not by the model's error end event, because only a
 * job's error carries variables to the order process that called the payment.
 */
@Component
public class FailPaymentWorker {

  private final Payments payments;

  public FailPaymentWorker(Payments payments) {
    this.payments = payments;
  }

  @JobWorker(type = JobTypes.FAIL_PAYMENT)
  public void failPayment(@Variable String orderId, @Variable String failureReason) {
    String reason = payments.fail(orderId, failureReason);
    throw CamundaError.bpmnError(Errors.PAYMENT_FAILED, reason, Map.of(CANCELLATION_REASON, reason));
  }
}
