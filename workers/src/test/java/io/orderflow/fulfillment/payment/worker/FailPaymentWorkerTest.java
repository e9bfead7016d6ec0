package io.orderflow.fulfillment.payment.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.exception.BpmnError;
import io.orderflow.fulfillment.payment.Payments;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess;
import io.orderflow.fulfillment.process.PaymentProcess.JobTypes;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The fail-payment step")
class FailPaymentWorkerTest {

  private final Payments payments = mock(Payments.class);
  private final FailPaymentWorker worker = new FailPaymentWorker(payments);

  @Test
  @DisplayName("records the failure and raises PAYMENT_FAILED with the reason as cancellationReason for the order")
  void raisesPaymentFailed() {
    // given
    when(payments.fail("order-1", "No bank transfer received within 7 days"))
        .thenReturn("No bank transfer received within 7 days");

    // when / then
    assertThatThrownBy(() -> worker.failPayment("order-1", "No bank transfer received within 7 days"))
        .isInstanceOfSatisfying(BpmnError.class, error -> {
          assertThat(error.getErrorCode()).isEqualTo(OrderFulfillmentProcess.Errors.PAYMENT_FAILED);
          assertThat(error.getVariables())
              .isEqualTo(Map.of("cancellationReason", "No bank transfer received within 7 days"));
        });
    verify(payments).fail("order-1", "No bank transfer received within 7 days");
  }

  @Test
  @DisplayName("subscribes to the job type the payment model uses")
  void jobType() throws NoSuchMethodException {
    assertThat(FailPaymentWorker.class.getMethod("failPayment", String.class, String.class)
        .getAnnotation(JobWorker.class).type()).isEqualTo(JobTypes.FAIL_PAYMENT);
  }
}
