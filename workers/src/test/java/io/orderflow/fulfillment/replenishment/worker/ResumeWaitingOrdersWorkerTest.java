package io.orderflow.fulfillment.replenishment.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.annotation.JobWorker;
import io.orderflow.fulfillment.process.ReplenishmentProcess.JobTypes;
import io.orderflow.fulfillment.replenishment.WaitingOrders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The resume-waiting-orders step")
class ResumeWaitingOrdersWorkerTest {

  private final WaitingOrders waitingOrders = mock(WaitingOrders.class);
  private final ResumeWaitingOrdersWorker worker = new ResumeWaitingOrdersWorker(waitingOrders);

  @Test
  @DisplayName("gives the arrived SKU to the waiting orders and answers the numbers resumed; a repeat resumes none")
  void resumes() {
    // given: the first round allocates two orders, a repeated one finds nothing left waiting for the stock
    when(waitingOrders.resume("PRINT-LIMITED")).thenReturn(List.of("ORD-AAAA2345", "ORD-BBBB2345"), List.of());

    // when the job is delivered twice
    Map<String, Object> first = worker.resumeWaitingOrders("PRINT-LIMITED", "madrid");
    Map<String, Object> again = worker.resumeWaitingOrders("PRINT-LIMITED", "madrid");

    // then
    assertThat(first).containsExactly(Map.entry("resumedOrders", List.of("ORD-AAAA2345", "ORD-BBBB2345")));
    assertThat(again).containsExactly(Map.entry("resumedOrders", List.of()));
    verify(waitingOrders, times(2)).resume("PRINT-LIMITED");
  }

  @Test
  @DisplayName("subscribes to the job type the replenishment model uses")
  void jobType() throws NoSuchMethodException {
    JobWorker annotation = ResumeWaitingOrdersWorker.class
        .getMethod("resumeWaitingOrders", String.class, String.class).getAnnotation(JobWorker.class);

    assertThat(annotation.type()).isEqualTo(JobTypes.RESUME_WAITING_ORDERS);
  }
}
