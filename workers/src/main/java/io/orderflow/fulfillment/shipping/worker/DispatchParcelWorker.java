package io.orderflow.fulfillment.shipping.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import io.orderflow.fulfillment.shipping.Shipping;
import org.springframework.stereotype.Component;

/** The parcel was handed over at the dock: its goods leave the stock and it counts as shipped. */
@Component
public class DispatchParcelWorker {

  private final Shipping shipping;

  public DispatchParcelWorker(Shipping shipping) {
    this.shipping = shipping;
  }

  @JobWorker(type = JobTypes.DISPATCH_PARCEL)
  public void dispatchParcel(@Variable String orderId, @Variable int shipmentNo) {
    shipping.dispatch(orderId, shipmentNo);
  }
}
