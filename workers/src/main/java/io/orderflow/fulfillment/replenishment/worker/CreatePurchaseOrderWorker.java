package io.orderflow.fulfillment.replenishment.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.orderflow.fulfillment.process.ReplenishmentProcess.JobTypes;
import io.orderflow.fulfillment.replenishment.Replenishment;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Proposes the purchase order for the SKU and warehouse (or takes the one already open) and binds it to this process
 * instance; answers poId, poNumber, poValue, poCurrency, supplierName and approvalNeeded.
 */
@Component
public class CreatePurchaseOrderWorker {

  private final Replenishment replenishment;

  public CreatePurchaseOrderWorker(Replenishment replenishment) {
    this.replenishment = replenishment;
  }

  @JobWorker(type = JobTypes.CREATE_PURCHASE_ORDER)
  public Map<String, Object> createPurchaseOrder(ActivatedJob job, @Variable String sku, @Variable String warehouseId,
      @Variable Integer neededQuantity) {
    if (neededQuantity == null) {
      throw new IllegalArgumentException("create-purchase-order needs the variable neededQuantity");
    }
    Replenishment.ProposedPurchase proposed = replenishment.proposeFor(sku, warehouseId, neededQuantity,
        job.getProcessInstanceKey());
    Replenishment.PurchaseOrderView po = proposed.purchaseOrder();
    return Map.of("poId", po.id(), "poNumber", po.number(), "poValue", po.value(), "poCurrency", po.currency(),
        "supplierName", po.supplierName() == null ? po.supplierId() : po.supplierName(),
        "approvalNeeded", proposed.approvalNeeded());
  }
}
