package io.orderflow.fulfillment.payment.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.JobError;
import io.orderflow.fulfillment.payment.PaymentProviderUnavailableException;
import io.orderflow.fulfillment.payment.PaymentReversalRefusedException;
import io.orderflow.fulfillment.payment.Payments;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The refund-payment and refund-shipment steps")
class RefundWorkersTest {

  private final Payments payments = mock(Payments.class);
  private final ActivatedJob job = mock(ActivatedJob.class);
  private final RefundPaymentWorker refundPayment = new RefundPaymentWorker(payments);
  private final RefundShipmentWorker refundShipment = new RefundShipmentWorker(payments);

  @Test
  @DisplayName("undo the order's payment, or one parcel's share, with the cancellation reason")
  void delegate() {
    refundPayment.refundPayment(job, "order-1", "Customer cancelled");
    refundShipment.refundShipment(job, "order-1", 2, null);

    verify(payments).cancelPayment("order-1", "Customer cancelled");
    verify(payments).cancelShipment("order-1", 2, null);
  }

  @Test
  @DisplayName("retry with backoff while the provider is down")
  void providerDown() {
    when(job.getRetries()).thenReturn(3);
    when(payments.cancelPayment("order-1", null)).thenThrow(new PaymentProviderUnavailableException("timeout"));
    when(payments.cancelShipment("order-1", 1, null)).thenThrow(new PaymentProviderUnavailableException("timeout"));

    assertThatThrownBy(() -> refundPayment.refundPayment(job, "order-1", null))
        .isInstanceOfSatisfying(JobError.class, e -> {
          assertThat(e.getRetries()).isEqualTo(2);
          assertThat(e.getRetryBackoff()).isEqualTo(Duration.ofSeconds(10));
        });
    assertThatThrownBy(() -> refundShipment.refundShipment(job, "order-1", 1, null))
        .isInstanceOfSatisfying(JobError.class, e -> assertThat(e.getRetries()).isEqualTo(2));
  }

  @Test
  @DisplayName("raise an incident at once when the provider refuses")
  void refused() {
    when(payments.cancelPayment("order-1", null)).thenThrow(new PaymentReversalRefusedException("already refunded"));

    assertThatThrownBy(() -> refundPayment.refundPayment(job, "order-1", null))
        .isInstanceOfSatisfying(JobError.class, e -> assertThat(e.getRetries()).isZero());
  }

  @Test
  @DisplayName("listen to the job types the process names")
  void jobTypes() throws NoSuchMethodException {
    assertThat(RefundPaymentWorker.class.getMethod("refundPayment", ActivatedJob.class, String.class, String.class)
        .getAnnotation(JobWorker.class).type()).isEqualTo(JobTypes.REFUND_PAYMENT).isEqualTo("refund-payment");
    assertThat(RefundShipmentWorker.class.getMethod("refundShipment", ActivatedJob.class, String.class, Integer.class,
        String.class).getAnnotation(JobWorker.class).type()).isEqualTo(JobTypes.REFUND_SHIPMENT)
        .isEqualTo("refund-shipment");
  }
}
