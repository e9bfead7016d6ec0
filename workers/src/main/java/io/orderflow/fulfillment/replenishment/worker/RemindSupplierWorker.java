package io.orderflow.fulfillment.replenishment.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.process.ReplenishmentProcess.JobTypes;
import io.orderflow.fulfillment.replenishment.Replenishment;
import org.springframework.stereotype.Component;

/** The expected delivery date passed: the supplier is reminded through the supplier port, once per expected date. */
@Component
public class RemindSupplierWorker {

  private final Replenishment replenishment;

  public RemindSupplierWorker(Replenishment replenishment) {
    this.replenishment = replenishment;
  }

  @JobWorker(type = JobTypes.REMIND_SUPPLIER)
  public void remindSupplier(@Variable String poId) {
    replenishment.remindSupplier(poId);
  }
}
