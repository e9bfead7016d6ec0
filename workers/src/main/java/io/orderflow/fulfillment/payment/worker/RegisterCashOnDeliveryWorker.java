package io.orderflow.fulfillment.payment.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.order.PaymentStatus;
import io.orderflow.fulfillment.payment.CashOnDelivery;
import io.orderflow.fulfillment.process.PaymentProcess.JobTypes;
import io.orderflow.fulfillment.process.PaymentProcess.Variables;
import java.util.Map;
import org.springframework.stereotype.Component;

/** "Register cash on delivery": the courier collects at the door, so the order may ship. */
@Component
public class RegisterCashOnDeliveryWorker {

  private final CashOnDelivery cashOnDelivery;

  public RegisterCashOnDeliveryWorker(CashOnDelivery cashOnDelivery) {
    this.cashOnDelivery = cashOnDelivery;
  }

  @JobWorker(type = JobTypes.REGISTER_CASH_ON_DELIVERY)
  public Map<String, Object> registerCashOnDelivery(@Variable String orderId) {
    cashOnDelivery.register(orderId);
    return Map.of(Variables.PAYMENT_STATUS, PaymentStatus.COLLECT_ON_DELIVERY.name());
  }
}
