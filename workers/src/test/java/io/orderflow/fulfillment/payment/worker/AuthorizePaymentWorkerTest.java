package io.orderflow.fulfillment.payment.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.JobError;
import io.orderflow.fulfillment.payment.PaymentProviderUnavailableException;
import io.orderflow.fulfillment.payment.Payments;
import io.orderflow.fulfillment.process.PaymentProcess.JobTypes;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("The authorize-payment step")
class AuthorizePaymentWorkerTest {

  private final Payments payments = mock(Payments.class);
  private final ActivatedJob job = mock(ActivatedJob.class);
  private final AuthorizePaymentWorker worker = new AuthorizePaymentWorker(payments);

  @Test
  @DisplayName("completes with the payment status and the attempts made when the card is authorized")
  void authorized() {
    // given
    when(payments.authorize("order-1")).thenReturn(new Payments.Outcome.Authorized("auth_123", 2));

    // when
    Map<String, Object> variables = worker.authorizePayment(job, "order-1");

    // then
    assertThat(variables).isEqualTo(Map.of("paymentStatus", "AUTHORIZED", "cardAttempts", 2));
  }

  @Test
  @DisplayName("raises PAYMENT_DECLINED with the customer's reason and the attempts made, for the model to decide")
  void declined() {
    // given
    when(payments.authorize("order-1"))
        .thenReturn(new Payments.Outcome.Declined("card_declined", "The card was declined", 1));

    // when / then
    assertThatThrownBy(() -> worker.authorizePayment(job, "order-1"))
        .isInstanceOfSatisfying(BpmnError.class, error -> {
          assertThat(error.getErrorCode()).isEqualTo("PAYMENT_DECLINED");
          assertThat(error.getErrorMessage()).isEqualTo("The card was declined (card_declined)");
          assertThat(error.getVariables())
              .isEqualTo(Map.of("declineReason", "The card was declined", "cardAttempts", 1));
        });
  }

  @ParameterizedTest(name = "{0} retries left → {1}")
  @CsvSource({"3, 2", "1, 0"})
  @DisplayName("retries later, using up one retry, when the provider is unavailable")
  void providerUnavailable(int retriesLeft, int retriesAfter) {
    // given
    PaymentProviderUnavailableException timeout = new PaymentProviderUnavailableException("Payment provider timed out");
    when(payments.authorize("order-1")).thenThrow(timeout);
    when(job.getRetries()).thenReturn(retriesLeft);

    // when / then
    assertThatThrownBy(() -> worker.authorizePayment(job, "order-1"))
        .isInstanceOfSatisfying(JobError.class, error -> {
          assertThat(error.getRetries()).isEqualTo(retriesAfter);
          assertThat(error.getRetryBackoff()).isEqualTo(Duration.ofSeconds(10));
          assertThat(error.getErrorMessage()).contains("Payment provider timed out");
          assertThat(error).hasCause(timeout);
        });
  }

  @Test
  @DisplayName("subscribes to the job type the payment model uses")
  void jobType() throws NoSuchMethodException {
    assertThat(AuthorizePaymentWorker.class.getMethod("authorizePayment", ActivatedJob.class, String.class)
        .getAnnotation(JobWorker.class).type()).isEqualTo(JobTypes.AUTHORIZE_PAYMENT);
  }
}
