package io.orderflow.fulfillment.shipping.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.JobError;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shipping.CourierUnavailableException;
import io.orderflow.fulfillment.shipping.Shipping;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The book-courier step")
class BookCourierWorkerTest {

  private final Shipping shipping = mock(Shipping.class);
  private final ActivatedJob job = mock(ActivatedJob.class);
  private final BookCourierWorker worker = new BookCourierWorker(shipping);

  @Test
  @DisplayName("books the packed parcel with the default carrier when no courier was chosen, and hands the tracking "
      + "number to the process")
  void booked() {
    // given
    when(shipping.bookCourier("order-1", 1, "MEDIUM_BOX", new BigDecimal("2.350"), Shipping.CourierChoice.DEFAULT))
        .thenReturn(new Shipping.Booked("Simulated Express", "SX473124829ES"));

    // when
    Map<String, Object> variables = worker.bookCourier(job, "order-1", 1, "MEDIUM_BOX", new BigDecimal("2.350"), null);

    // then
    assertThat(variables).containsExactly(Map.entry("trackingNumber", "SX473124829ES"));
  }

  @Test
  @DisplayName("books the carrier the courier-selection decision chose, with its collection cut-off")
  void bookedWithTheChosenCarrier() {
    // given
    when(shipping.bookCourier("order-1", 1, "MEDIUM_BOX", new BigDecimal("2.350"),
        new Shipping.CourierChoice("Poczta Polska", "12:00")))
        .thenReturn(new Shipping.Booked("Poczta Polska", "CP473124829PL"));

    // when
    Map<String, Object> variables = worker.bookCourier(job, "order-1", 1, "MEDIUM_BOX", new BigDecimal("2.350"),
        Map.of("carrier", "Poczta Polska", "collectionCutoff", "12:00"));

    // then
    assertThat(variables).containsExactly(Map.entry("trackingNumber", "CP473124829PL"));
  }

  @Test
  @DisplayName("retries later, using up one retry, when the courier is unavailable")
  void courierUnavailable() {
    // given
    CourierUnavailableException down = new CourierUnavailableException("Carrier API returned 503");
    when(shipping.bookCourier("order-1", 1, "MEDIUM_BOX", new BigDecimal("2.350"), Shipping.CourierChoice.DEFAULT))
        .thenThrow(down);
    when(job.getRetries()).thenReturn(3);

    // when / then
    assertThatThrownBy(() -> worker.bookCourier(job, "order-1", 1, "MEDIUM_BOX", new BigDecimal("2.350"), null))
        .isInstanceOfSatisfying(JobError.class, error -> {
          assertThat(error.getRetries()).isEqualTo(2);
          assertThat(error.getRetryBackoff()).isEqualTo(Duration.ofSeconds(30));
          assertThat(error.getErrorMessage()).contains("Carrier API returned 503");
          assertThat(error).hasCause(down);
        });
  }

  @Test
  @DisplayName("raises an incident at once, without retrying, when the packed data cannot be booked")
  void unbookableDataIsNotRetried() {
    // given
    when(shipping.bookCourier("order-1", 1, null, new BigDecimal("2.350"), Shipping.CourierChoice.DEFAULT))
        .thenThrow(new InvalidRequestException("packageType", "the packer must choose a package type"));
    when(job.getRetries()).thenReturn(3);

    // when / then
    assertThatThrownBy(() -> worker.bookCourier(job, "order-1", 1, null, new BigDecimal("2.350"), null))
        .isInstanceOfSatisfying(JobError.class, error -> {
          assertThat(error.getRetries()).isZero();
          assertThat(error.getErrorMessage()).contains("packageType").contains("package type");
        });
  }

  @Test
  @DisplayName("subscribes to the job type the process model uses")
  void jobType() throws NoSuchMethodException {
    // when
    JobWorker annotation = BookCourierWorker.class
        .getMethod("bookCourier", ActivatedJob.class, String.class, int.class, String.class, BigDecimal.class,
            Map.class)
        .getAnnotation(JobWorker.class);

    // then
    assertThat(annotation.type()).isEqualTo(JobTypes.BOOK_COURIER);
  }
}
