package io.orderflow.fulfillment.replenishment.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.process.ReplenishmentProcess.JobTypes;
import io.orderflow.fulfillment.process.ReplenishmentProcess.Variables;
import io.orderflow.fulfillment.replenishment.WaitingOrders;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Goods of the SKU arrived (purchase or transfer): the customer orders waiting for it get the stock, oldest first, as
 * far as it goes. Answers {@code resumedOrders}, the numbers of the orders given their stock by this job; a repeated
 * job allocates nothing twice (and answers the orders it gave stock to, none on a repeat).
 */
@Component
public class ResumeWaitingOrdersWorker {

  private static final Logger log = LoggerFactory.getLogger(ResumeWaitingOrdersWorker.class);

  private final WaitingOrders waitingOrders;

  public ResumeWaitingOrdersWorker(WaitingOrders waitingOrders) {
    this.waitingOrders = waitingOrders;
  }

  @JobWorker(type = JobTypes.RESUME_WAITING_ORDERS)
  public Map<String, Object> resumeWaitingOrders(@Variable String sku, @Variable(optional = true) String warehouseId) {
    List<String> resumed = waitingOrders.resume(sku);
    log.info("{} arrived in {}: {} waiting order(s) resumed", sku, warehouseId, resumed.size());
    return Map.of(Variables.RESUMED_ORDERS, resumed);
  }
}
