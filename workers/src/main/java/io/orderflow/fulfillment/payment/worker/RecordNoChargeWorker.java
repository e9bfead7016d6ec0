package io.orderflow.fulfillment.payment.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.order.PaymentStatus;
import io.orderflow.fulfillment.payment.Payments;
import io.orderflow.fulfillment.process.PaymentProcess.JobTypes;
import io.orderflow.fulfillment.process.PaymentProcess.Variables;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * "Record no charge" (payment method NO_CHARGE, a free replacement): the payment is recorded at 0.00, the order may
 * ship. A job delivered again changes nothing. Returns {@code paymentStatus} like the other final payment steps (the
 * "Take payment" call activity maps it out).
 */
@Component
public class RecordNoChargeWorker {

  private final Payments payments;

  public RecordNoChargeWorker(Payments payments) {
    this.payments = payments;
  }

  @JobWorker(type = JobTypes.RECORD_NO_CHARGE)
  public Map<String, Object> recordNoCharge(@Variable String orderId) {
    payments.recordNoCharge(orderId);
    return Map.of(Variables.PAYMENT_STATUS, PaymentStatus.NO_CHARGE.name());
  }
}
