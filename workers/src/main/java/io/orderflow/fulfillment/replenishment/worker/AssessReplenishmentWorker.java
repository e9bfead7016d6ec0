package io.orderflow.fulfillment.replenishment.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.process.ReplenishmentProcess.JobTypes;
import io.orderflow.fulfillment.replenishment.ReplenishmentAssessment;
import io.orderflow.fulfillment.replenishment.ReplenishmentAssessment.Assessment;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Whether the SKU must be replenished in the warehouse, and the inputs of the transfer-or-purchase decision (the
 * nearest warehouse with a surplus, null when there is none). Only reads: a repeated job gives the same answer for the
 * same stock.
 */
@Component
public class AssessReplenishmentWorker {

  private final ReplenishmentAssessment assessment;

  public AssessReplenishmentWorker(ReplenishmentAssessment assessment) {
    this.assessment = assessment;
  }

  @JobWorker(type = JobTypes.ASSESS_REPLENISHMENT)
  public Map<String, Object> assessReplenishment(@Variable String sku, @Variable String warehouseId) {
    Assessment assessed = assessment.assess(sku, warehouseId);
    // A LinkedHashMap: the transfer candidate's variables are set to null when there is none.
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("needed", assessed.needed());
    variables.put("neededQuantity", assessed.neededQuantity());
    variables.put("available", assessed.available());
    variables.put("reorderPoint", assessed.reorderPoint());
    variables.put("warehouseCode", assessed.warehouseId());
    variables.put("transferSourceWarehouseId", assessed.transferSourceWarehouseId());
    variables.put("transferableQuantity", assessed.transferableQuantity());
    variables.put("transferDistanceKm", assessed.transferDistanceKm());
    return variables;
  }
}
