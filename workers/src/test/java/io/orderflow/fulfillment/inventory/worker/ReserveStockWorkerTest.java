package io.orderflow.fulfillment.inventory.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.exception.BpmnError;
import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.inventory.Inventory.ReservationResult;
import io.orderflow.fulfillment.inventory.Inventory.ReservedLine;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The reserve-stock step")
class ReserveStockWorkerTest {

  private final Inventory inventory = mock(Inventory.class);
  private final ReserveStockWorker worker = new ReserveStockWorker(inventory);

  @Test
  @DisplayName("hands the process the parcels (warehouse, distance, weight), never the goods, and whether all is there")
  void reserved() {
    // given
    when(inventory.reserveForOrder("order-1")).thenReturn(new ReservationResult.Reserved(List.of(
        new Inventory.ReservedShipment(1, "MAD", new BigDecimal("5.0"), new BigDecimal("0.400"),
            List.of(new ReservedLine("TSHIRT-M", 2, "A-03"))),
        new Inventory.ReservedShipment(2, "WAW", new BigDecimal("2010.7"), new BigDecimal("1.200"),
            List.of(new ReservedLine("CAP", 1, "B-01")))),
        Map.of("MUG", 1)));

    // when
    Map<String, Object> variables = worker.reserveStock("order-1");

    // then
    assertThat(variables).containsEntry("warehouseCode", "MAD").containsEntry("allAvailable", false)
        .containsEntry("shipments", List.of(
            Map.of("shipmentNo", 1, "warehouseCode", "MAD", "distanceKm", new BigDecimal("5.0"), "weightKg", new BigDecimal("0.400")),
            Map.of("shipmentNo", 2, "warehouseCode", "WAW", "distanceKm", new BigDecimal("2010.7"), "weightKg", new BigDecimal("1.200"))));
  }

  @Test
  @DisplayName("raises OUT_OF_STOCK with the reason the customer will be told")
  void outOfStock() {
    // given
    String reason = "Out of stock: TSHIRT-M (ordered 2, at most 1 in one warehouse)";
    when(inventory.reserveForOrder("order-1")).thenReturn(new ReservationResult.OutOfStock(reason));

    // when / then
    assertThatThrownBy(() -> worker.reserveStock("order-1"))
        .isInstanceOfSatisfying(BpmnError.class, error -> {
          assertThat(error.getErrorCode()).isEqualTo("OUT_OF_STOCK");
          assertThat(error.getErrorMessage()).isEqualTo(reason);
          assertThat(error.getVariables()).isEqualTo(Map.of("cancellationReason", reason));
        });
  }

  @Test
  @DisplayName("subscribes to the job type the process model uses")
  void jobType() throws NoSuchMethodException {
    // when
    JobWorker annotation = ReserveStockWorker.class.getMethod("reserveStock", String.class)
        .getAnnotation(JobWorker.class);

    // then
    assertThat(annotation.type()).isEqualTo(JobTypes.RESERVE_STOCK);
  }
}
