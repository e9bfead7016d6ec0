package io.orderflow.fulfillment.payment.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.JobError;
import io.orderflow.fulfillment.payment.PaymentCaptureRefusedException;
import io.orderflow.fulfillment.payment.PaymentProviderUnavailableException;
import io.orderflow.fulfillment.payment.Payments;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess;
import io.orderflow.fulfillment.process.PaymentProcess.JobTypes;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The capture-payment step")
class CapturePaymentWorkerTest {

  private final Payments payments = mock(Payments.class);
  private final ActivatedJob job = mock(ActivatedJob.class);
  private final CapturePaymentWorker worker = new CapturePaymentWorker(payments);

  @Test
  @DisplayName("captures for the parcel that shipped")
  void captures() {
    // given
    when(payments.capture("order-1", 2))
        .thenReturn(new Payments.Capture("cap_1", 1, new BigDecimal("51.80"), "EUR", false));

    // when
    worker.capturePayment(job, "order-1", 2);

    // then
    verify(payments).capture("order-1", 2);
  }

  @Test
  @DisplayName("retries with backoff while the provider is down")
  void providerDown() {
    // given
    when(job.getRetries()).thenReturn(3);
    when(payments.capture("order-1", 1)).thenThrow(new PaymentProviderUnavailableException("timeout"));

    // when / then
    assertThatThrownBy(() -> worker.capturePayment(job, "order-1", 1)).isInstanceOfSatisfying(JobError.class, e -> {
      assertThat(e.getRetries()).isEqualTo(2);
      assertThat(e.getRetryBackoff()).isEqualTo(Duration.ofSeconds(10));
    });
  }

  @Test
  @DisplayName("raises an incident at once when the provider refuses: retrying cannot help")
  void refused() {
    // given
    when(job.getRetries()).thenReturn(3);
    when(payments.capture("order-1", 1)).thenThrow(new PaymentCaptureRefusedException("expired (authorization_not_found)"));

    // when / then
    assertThatThrownBy(() -> worker.capturePayment(job, "order-1", 1)).isInstanceOfSatisfying(JobError.class, e -> {
      assertThat(e.getRetries()).isZero();
      assertThat(e.getErrorMessage()).contains("authorization_not_found");
    });
  }

  @Test
  @DisplayName("subscribes to the job type the order process uses for card-paid parcels")
  void jobType() throws NoSuchMethodException {
    assertThat(CapturePaymentWorker.class.getMethod("capturePayment", ActivatedJob.class, String.class, Integer.class)
        .getAnnotation(JobWorker.class).type()).isEqualTo(JobTypes.CAPTURE_PAYMENT)
        .isEqualTo(OrderFulfillmentProcess.JobTypes.CAPTURE_PAYMENT);
  }
}
