package io.orderflow.fulfillment.replenishment.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.process.ReplenishmentProcess.JobTypes;
import io.orderflow.fulfillment.replenishment.Transfers;
import io.orderflow.fulfillment.replenishment.Transfers.TransferView;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Records the destination's count of a transfer from the receive-transfer form: the good units go on hand there. A
 * repeated job finds the transfer received and changes nothing.
 */
@Component
public class ReceiveTransferWorker {

  private final Transfers transfers;

  public ReceiveTransferWorker(Transfers transfers) {
    this.transfers = transfers;
  }

  @JobWorker(type = JobTypes.RECEIVE_TRANSFER)
  public Map<String, Object> receiveTransfer(@Variable String transferId, @Variable Integer transferReceivedQuantity,
      @Variable Integer transferDamagedQuantity, @Variable String transferNotes, @Variable String completedBy) {
    TransferView transfer = transfers.receive(transferId, transferReceivedQuantity, transferDamagedQuantity,
        transferNotes, completedBy);
    return Map.of("acceptedQuantity", transfer.acceptedQuantity());
  }
}
