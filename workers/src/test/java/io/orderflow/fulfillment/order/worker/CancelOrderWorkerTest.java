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

@DisplayName("The cancel-order step")
class CancelOrderWorkerTest {

  private final OrderService orders = mock(OrderService.class);
  private final CancelOrderWorker worker = new CancelOrderWorker(orders);

  @Test
  @DisplayName("cancels the order with the reason the earlier step gave")
  void cancelsWithReason() {
    // when
    worker.cancelOrder("order-1", "Payment declined: The card was declined (card_declined)");

    // then
    verify(orders).cancel("order-1", "Payment declined: The card was declined (card_declined)");
    verifyNoMoreInteractions(orders);
  }

  @Test
  @DisplayName("cancels the order even when no reason was given")
  void cancelsWithoutReason() {
    // when
    worker.cancelOrder("order-1", null);

    // then
    verify(orders).cancel("order-1", null);
  }

  @Test
  @DisplayName("subscribes to the job type the process model uses")
  void jobType() throws NoSuchMethodException {
    // when
    JobWorker annotation = CancelOrderWorker.class.getMethod("cancelOrder", String.class, String.class)
        .getAnnotation(JobWorker.class);

    // then
    assertThat(annotation.type()).isEqualTo(JobTypes.CANCEL_ORDER);
  }
}
