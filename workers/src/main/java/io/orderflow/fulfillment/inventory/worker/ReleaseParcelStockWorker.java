package io.orderflow.fulfillment.inventory.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import org.springframework.stereotype.Component;

/** A cancelled parcel's goods are reserved no longer: they can be sold again from its warehouse. */
@Component
public class ReleaseParcelStockWorker {

  private final Inventory inventory;

  public ReleaseParcelStockWorker(Inventory inventory) {
    this.inventory = inventory;
  }

  @JobWorker(type = JobTypes.RELEASE_PARCEL_STOCK)
  public void releaseParcelStock(@Variable String orderId, @Variable String warehouseCode) {
    inventory.releaseShipment(orderId, warehouseCode);
  }
}
