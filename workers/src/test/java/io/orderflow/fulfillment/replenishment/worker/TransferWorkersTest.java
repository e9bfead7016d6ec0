package io.orderflow.fulfillment.replenishment.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.exception.BpmnError;
import io.orderflow.fulfillment.process.ReplenishmentProcess.JobTypes;
import io.orderflow.fulfillment.replenishment.StockTransferStatus;
import io.orderflow.fulfillment.replenishment.TransferNotPossibleException;
import io.orderflow.fulfillment.replenishment.Transfers;
import io.orderflow.fulfillment.replenishment.Transfers.TransferView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The transfer steps")
class TransferWorkersTest {

  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private final Transfers transfers = mock(Transfers.class);
  private final OrderTransferWorker order = new OrderTransferWorker(transfers);
  private final ReceiveTransferWorker receive = new ReceiveTransferWorker(transfers);

  static TransferView inTransit() {
    return new TransferView("tr-1", "TR-2026-000001", "YOGA-MAT", "sofia", "warsaw", 4,
        StockTransferStatus.IN_TRANSIT, null, null, null, null, null, List.of(), null, null, NOW, null);
  }

  static TransferView received(int received, int damaged, int accepted) {
    return new TransferView("tr-1", "TR-2026-000001", "YOGA-MAT", "sofia", "warsaw", 4,
        StockTransferStatus.RECEIVED, received, damaged, accepted, 4 - received, 0, List.of(), null, "picker.warsaw",
        NOW, NOW);
  }

  @Test
  @DisplayName("order-transfer: the source, destination and needed quantity go to the service; the transfer's id, number and quantity come back")
  void orderTransfer() {
    // given
    when(transfers.order("YOGA-MAT", "warsaw", "sofia", 10)).thenReturn(inTransit());

    // when
    Map<String, Object> variables = order.orderTransfer("YOGA-MAT", "warsaw", "sofia", 10);

    // then
    assertThat(variables).isEqualTo(Map.of("transferId", "tr-1", "transferNumber", "TR-2026-000001",
        "transferQuantity", 4));
  }

  @Test
  @DisplayName("order-transfer: no surplus left raises TRANSFER_NOT_POSSIBLE (the process buys instead)")
  void transferNotPossible() {
    // given
    when(transfers.order("YOGA-MAT", "warsaw", "sofia", 10))
        .thenThrow(new TransferNotPossibleException("YOGA-MAT", "sofia", "warsaw"));

    // when / then
    assertThatThrownBy(() -> order.orderTransfer("YOGA-MAT", "warsaw", "sofia", 10))
        .isInstanceOfSatisfying(BpmnError.class, error -> {
          assertThat(error.getErrorCode()).isEqualTo("TRANSFER_NOT_POSSIBLE");
          assertThat(error.getErrorMessage()).contains("YOGA-MAT", "sofia");
        });
  }

  @Test
  @DisplayName("order-transfer: any other failure is no business outcome and fails the job (retried)")
  void otherFailure() {
    when(transfers.order("YOGA-MAT", "warsaw", "sofia", 10)).thenThrow(new IllegalStateException("kept changing"));
    assertThatThrownBy(() -> order.orderTransfer("YOGA-MAT", "warsaw", "sofia", 10))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  @DisplayName("receive-transfer: the form's count and who completed the task go to the service; acceptedQuantity comes back")
  void receiveTransfer() {
    // given
    when(transfers.receive("tr-1", 4, 1, "one crushed", "picker.warsaw")).thenReturn(received(4, 1, 3));

    // when
    Map<String, Object> variables = receive.receiveTransfer("tr-1", 4, 1, "one crushed", "picker.warsaw");

    // then
    assertThat(variables).isEqualTo(Map.of("acceptedQuantity", 3));
  }

  @Test
  @DisplayName("receive-transfer: an empty damaged field and no completedBy (Tasklist) are passed on as null for the service to default")
  void receiveWithoutOptionalFields() {
    // given
    when(transfers.receive("tr-1", 4, null, null, null)).thenReturn(received(4, 0, 4));

    // when
    Map<String, Object> variables = receive.receiveTransfer("tr-1", 4, null, null, null);

    // then
    assertThat(variables).isEqualTo(Map.of("acceptedQuantity", 4));
    verify(transfers).receive("tr-1", 4, null, null, null);
  }

  @Test
  @DisplayName("both subscribe to the job types the process model uses")
  void jobTypes() throws NoSuchMethodException {
    assertThat(OrderTransferWorker.class.getMethod("orderTransfer", String.class, String.class, String.class,
        Integer.class).getAnnotation(JobWorker.class).type()).isEqualTo(JobTypes.ORDER_TRANSFER);
    assertThat(ReceiveTransferWorker.class.getMethod("receiveTransfer", String.class, Integer.class, Integer.class,
        String.class, String.class).getAnnotation(JobWorker.class).type()).isEqualTo(JobTypes.RECEIVE_TRANSFER);
  }
}
