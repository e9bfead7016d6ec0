package io.orderflow.fulfillment.notification.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.orderflow.fulfillment.notification.Audience;
import io.orderflow.fulfillment.notification.Notifications;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.JobTypes;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The notification steps")
class NotificationWorkersTest {

  private final Notifications notifications = mock(Notifications.class);
  private final ActivatedJob job = mock(ActivatedJob.class);

  private void job(Map<String, String> headers, Map<String, Object> variables) {
    when(job.getCustomHeaders()).thenReturn(headers);
    when(job.getVariablesAsMap()).thenReturn(variables);
    when(job.getVariable("orderId")).thenReturn(variables.get("orderId"));
    when(job.getElementInstanceKey()).thenReturn(2251799813685310L);
    when(job.getElementId()).thenReturn("ServiceTask_X");
  }

  @Test
  @DisplayName("tell the customer about the topic of the task, keyed by the step so a repeated job records it once")
  void customer() {
    job(Map.of("topic", "ORDER_CANCELLED", "detailVariable", "cancellationReason"),
        Map.of("orderId", "order-1", "cancellationReason", "Out of stock: MUG"));

    new NotifyCustomerWorker(notifications).notifyCustomer(job);

    verify(notifications).notify("order-1", Audience.CUSTOMER, "ORDER_CANCELLED", "2251799813685310",
        "Out of stock: MUG");
  }

  @Test
  @DisplayName("tell the department named in the header")
  void department() {
    job(Map.of("department", "finance", "topic", "PAYMENT_SECURED"), Map.of("orderId", "order-1"));

    new NotifyDepartmentWorker(notifications).notifyDepartment(job);

    verify(notifications).notify("order-1", Audience.FINANCE, "PAYMENT_SECURED", "2251799813685310", null);
  }

  @Test
  @DisplayName("refuse a task without a topic or with an unknown department: a modelling error becomes an incident")
  void badHeaders() {
    job(Map.of("department", "finance"), Map.of("orderId", "order-1"));
    assertThatThrownBy(() -> new NotifyDepartmentWorker(notifications).notifyDepartment(job))
        .hasMessageContaining("topic");
    job(Map.of("department", "legal", "topic", "X"), Map.of("orderId", "order-1"));
    assertThatThrownBy(() -> new NotifyDepartmentWorker(notifications).notifyDepartment(job))
        .hasMessageContaining("legal");
    verifyNoInteractions(notifications);
  }

  @Test
  @DisplayName("acknowledge the order once the payment is secured")
  void acknowledge() {
    new AcknowledgeOrderWorker(notifications).acknowledgeOrder("order-1");

    verify(notifications).acknowledge("order-1");
  }

  @Test
  @DisplayName("subscribe to the job types the process model uses")
  void jobTypes() throws NoSuchMethodException {
    assertThat(NotifyCustomerWorker.class.getMethod("notifyCustomer", ActivatedJob.class)
        .getAnnotation(JobWorker.class).type()).isEqualTo(JobTypes.NOTIFY_CUSTOMER);
    assertThat(NotifyDepartmentWorker.class.getMethod("notifyDepartment", ActivatedJob.class)
        .getAnnotation(JobWorker.class).type()).isEqualTo(JobTypes.NOTIFY_DEPARTMENT);
    assertThat(AcknowledgeOrderWorker.class.getMethod("acknowledgeOrder", String.class)
        .getAnnotation(JobWorker.class).type()).isEqualTo(JobTypes.ACKNOWLEDGE_ORDER);
  }
}
