package io.orderflow.fulfillment.inventory.worker;

import static io.orderflow.fulfillment.process.OrderFulfillmentProcess.Variables.ALL_AVAILABLE;
import static io.orderflow.fulfillment.process.OrderFulfillmentProcess.Variables.CANCELLATION_REASON;
import static io.orderflow.fulfillment.process.OrderFulfillmentProcess.Variables.SHIPMENTS;
import static io.orderflow.fulfillment.process.OrderFulfillmentProcess.Variables.WAREHOUSE_CODE;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.exception.CamundaError;
import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.inventory.Inventory.ReservationResult;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.Errors;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Reserves the order's goods as the routing plans them and hands the process the parcels (ids and decision inputs
 * only: warehouse, distance, weight) and whether every unit was available.
 */
@Component
public class ReserveStockWorker {

  private final Inventory inventory;

  public ReserveStockWorker(Inventory inventory) {
    this.inventory = inventory;
  }

  @JobWorker(type = JobTypes.RESERVE_STOCK)
  public Map<String, Object> reserveStock(@Variable String orderId) {
    ReservationResult result = inventory.reserveForOrder(orderId);
    if (result instanceof ReservationResult.OutOfStock outOfStock) {
      throw CamundaError.bpmnError(Errors.OUT_OF_STOCK, outOfStock.reason(),
          Map.of(CANCELLATION_REASON, outOfStock.reason()));
    }
    ReservationResult.Reserved reserved = (ReservationResult.Reserved) result;
    List<Map<String, Object>> shipments = reserved.shipments().stream()
        .map(s -> Map.<String, Object>of("shipmentNo", s.shipmentNo(), "warehouseCode", s.warehouseId(),
            "distanceKm", s.distanceKm(), "weightKg", s.weightKg()))
        .toList();
    return Map.of(WAREHOUSE_CODE, reserved.warehouseId(), SHIPMENTS, shipments, ALL_AVAILABLE, reserved.complete());
  }
}
