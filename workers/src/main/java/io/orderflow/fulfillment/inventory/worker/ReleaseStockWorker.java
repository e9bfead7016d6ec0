package io.orderflow.fulfillment.inventory.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import org.springframework.stereotype.Component;

@Component
public class ReleaseStockWorker {

  private final Inventory inventory;

  public ReleaseStockWorker(Inventory inventory) {
    this.inventory = inventory;
  }

  @JobWorker(type = JobTypes.RELEASE_STOCK)
  public void releaseStock(@Variable String orderId) {
    inventory.release(orderId);
  }
}
