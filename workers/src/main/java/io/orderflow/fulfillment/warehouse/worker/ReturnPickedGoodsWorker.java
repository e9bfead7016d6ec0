package io.orderflow.fulfillment.warehouse.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import io.orderflow.fulfillment.warehouse.Picking;
import org.springframework.stereotype.Component;

/** Compensation of picking a cancelled parcel: the goods go back to their bins, their serial numbers are free. */
@Component
public class ReturnPickedGoodsWorker {

  private final Picking picking;

  public ReturnPickedGoodsWorker(Picking picking) {
    this.picking = picking;
  }

  @JobWorker(type = JobTypes.RETURN_PICKED_GOODS)
  public void returnPickedGoods(@Variable String orderId, @Variable int shipmentNo) {
    picking.returnToBins(orderId, shipmentNo);
  }
}
