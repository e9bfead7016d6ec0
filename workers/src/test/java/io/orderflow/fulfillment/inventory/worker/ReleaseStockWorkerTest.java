package io.orderflow.fulfillment.inventory.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import io.camunda.client.annotation.JobWorker;
import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The release-stock step")
class ReleaseStockWorkerTest {

  private final Inventory inventory = mock(Inventory.class);
  private final ReleaseStockWorker worker = new ReleaseStockWorker(inventory);

  @Test
  @DisplayName("gives the order's reserved stock back")
  void releases() {
    // when
    worker.releaseStock("order-1");

    // then
    verify(inventory).release("order-1");
    verifyNoMoreInteractions(inventory);
  }

  @Test
  @DisplayName("subscribes to the job type the process model uses")
  void jobType() throws NoSuchMethodException {
    // when
    JobWorker annotation = ReleaseStockWorker.class.getMethod("releaseStock", String.class)
        .getAnnotation(JobWorker.class);

    // then
    assertThat(annotation.type()).isEqualTo(JobTypes.RELEASE_STOCK);
  }
}
