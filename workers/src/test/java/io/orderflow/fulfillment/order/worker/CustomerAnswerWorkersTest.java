package io.orderflow.fulfillment.order.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import io.camunda.client.annotation.JobWorker;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The backorder and expiry steps")
class CustomerAnswerWorkersTest {

  private final OrderService orders = mock(OrderService.class);

  @Test
  @DisplayName("record the backorder the customer chose")
  void backorder() {
    new RecordBackorderWorker(orders).recordBackorder("order-1");
    verify(orders).backorderUnavailable("order-1");
  }

  @Test
  @DisplayName("expire the order whose quote ran out")
  void expire() {
    new ExpireOrderWorker(orders).expireOrder("order-1");
    verify(orders).expire("order-1");
  }

  @Test
  @DisplayName("subscribe to the job types the process model uses")
  void jobTypes() throws NoSuchMethodException {
    assertThat(RecordBackorderWorker.class.getMethod("recordBackorder", String.class).getAnnotation(JobWorker.class)
        .type()).isEqualTo(JobTypes.RECORD_BACKORDER);
    assertThat(ExpireOrderWorker.class.getMethod("expireOrder", String.class).getAnnotation(JobWorker.class)
        .type()).isEqualTo(JobTypes.EXPIRE_ORDER);
  }
}
