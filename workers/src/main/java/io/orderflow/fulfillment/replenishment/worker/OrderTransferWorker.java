package io.orderflow.fulfillment.replenishment.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.exception.CamundaError;
import io.orderflow.fulfillment.process.ReplenishmentProcess.Errors;
import io.orderflow.fulfillment.process.ReplenishmentProcess.JobTypes;
import io.orderflow.fulfillment.replenishment.TransferNotPossibleException;
import io.orderflow.fulfillment.replenishment.Transfers;
import io.orderflow.fulfillment.replenishment.Transfers.TransferView;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The decision chose a transfer: the units leave the source warehouse. When its surplus is gone meanwhile the process
 * buys instead (TRANSFER_NOT_POSSIBLE). A repeated job returns the transfer already open for the SKU and warehouse.
 */
@Component
public class OrderTransferWorker {

  private final Transfers transfers;

  public OrderTransferWorker(Transfers transfers) {
    this.transfers = transfers;
  }

  @JobWorker(type = JobTypes.ORDER_TRANSFER)
  public Map<String, Object> orderTransfer(@Variable String sku, @Variable String warehouseId,
      @Variable String transferSourceWarehouseId, @Variable Integer neededQuantity) {
    TransferView transfer;
    try {
      transfer = transfers.order(sku, warehouseId, transferSourceWarehouseId,
          neededQuantity == null ? 0 : neededQuantity);
    } catch (TransferNotPossibleException noSurplus) {
      throw CamundaError.bpmnError(Errors.TRANSFER_NOT_POSSIBLE, noSurplus.getMessage());
    }
    return Map.of("transferId", transfer.id(), "transferNumber", transfer.number(),
        "transferQuantity", transfer.quantity());
  }
}
