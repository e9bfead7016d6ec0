package io.orderflow.fulfillment.shipping.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.Variables;
import io.orderflow.fulfillment.shipping.Shipping;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The returned parcel was checked at the warehouse: resellable goods go back in stock, the parcel counts as returned. */
@Component
public class RestockReturnedParcelWorker {

  private final Shipping shipping;

  public RestockReturnedParcelWorker(Shipping shipping) {
    this.shipping = shipping;
  }

  @JobWorker(type = JobTypes.RESTOCK_RETURNED_PARCEL)
  public Map<String, Object> restockReturnedParcel(@Variable String orderId, @Variable int shipmentNo,
      @Variable String returnedCondition) {
    shipping.receiveReturned(orderId, shipmentNo, "RESELLABLE".equals(returnedCondition));
    return Map.of(Variables.PARCEL_RETURNED, true);
  }
}
