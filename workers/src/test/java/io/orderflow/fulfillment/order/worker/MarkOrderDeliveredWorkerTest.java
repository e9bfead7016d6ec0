package io.orderflow.fulfillment.order.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import io.camunda.client.annotation.JobWorker;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The mark-order-delivered step")
class MarkOrderDeliveredWorkerTest {

  private final OrderService orders = mock(OrderService.class);
  private final MarkOrderDeliveredWorker worker = new MarkOrderDeliveredWorker(orders);

  @Test
  @DisplayName("marks the order delivered")
  void marksDelivered() {
    // when
    worker.markOrderDelivered("order-1");

    // then
    verify(orders).delivered("order-1");
    verifyNoMoreInteractions(orders);
  }

  @Test
  @DisplayName("subscribes to the job type the process model uses")
  void jobType() throws NoSuchMethodException {
    // when
    JobWorker annotation = MarkOrderDeliveredWorker.class.getMethod("markOrderDelivered", String.class)
        .getAnnotation(JobWorker.class);

    // then
    assertThat(annotation.type()).isEqualTo(JobTypes.MARK_ORDER_DELIVERED);
  }
}
