package io.orderflow.fulfillment.order.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.camunda.client.annotation.JobWorker;
import io.orderflow.fulfillment.order.Backorders;
import io.orderflow.fulfillment.order.OrderService;
import java.util.List;
import java.util.Map;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The backorder and expiry steps")
class CustomerAnswerWorkersTest {

  private final OrderService orders = mock(OrderService.class);
  private final Backorders backorders = mock(Backorders.class);

  @Test
  @DisplayName("record the backorder the customer chose and answer its backorder order, the same one on a repeat")
  void backorder() {
    // given: the service places the backorder order once and finds it on a repeat
    when(backorders.backorderUnavailable("order-1"))
        .thenReturn(new Backorders.Backorder("order-2", "ORD-BACK2345", "order-1", List.of("PRINT-LIMITED")));
    RecordBackorderWorker worker = new RecordBackorderWorker(backorders);

    // when the job is delivered twice
    Map<String, Object> first = worker.recordBackorder("order-1");
    Map<String, Object> again = worker.recordBackorder("order-1");

    // then
    assertThat(first).containsExactly(Map.entry("backorderOrderId", "order-2"));
    assertThat(again).isEqualTo(first);
    verify(backorders, times(2)).backorderUnavailable("order-1");
    verifyNoInteractions(orders);
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
