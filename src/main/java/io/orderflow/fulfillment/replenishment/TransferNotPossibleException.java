package io.orderflow.fulfillment.replenishment;

import io.orderflow.fulfillment.shared.ConflictException;

/**
 * The source warehouse has no surplus of the SKU left to send (it was sold or reserved since the need was assessed):
 * the replenishment buys instead (BPMN error TRANSFER_NOT_POSSIBLE).
 */
public class TransferNotPossibleException extends ConflictException {

  public TransferNotPossibleException(String sku, String fromWarehouseId, String toWarehouseId) {
    super("No surplus of " + sku + " left in " + fromWarehouseId + " to send to " + toWarehouseId);
  }
}
