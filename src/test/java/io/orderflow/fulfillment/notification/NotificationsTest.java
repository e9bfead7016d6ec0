package io.orderflow.fulfillment.notification;

import static io.orderflow.fulfillment.testsupport.OrderSummaries.line;
import static io.orderflow.fulfillment.testsupport.OrderSummaries.noQuote;
import static io.orderflow.fulfillment.testsupport.OrderSummaries.order;
import static io.orderflow.fulfillment.testsupport.OrderSummaries.parcel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.transaction.PlatformTransactionManager;

@DisplayName("Notifications")
class NotificationsTest {

  private final NotificationRepository repository = mock(NotificationRepository.class);
  private final OrderService orders = mock(OrderService.class);
  private final Notifications notifications = new Notifications(repository, orders,
      mock(PlatformTransactionManager.class), Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

  private void anOrder(boolean consent) {
    when(orders.summary("o-1")).thenReturn(order("o-1", OrderStatus.PAYMENT_AUTHORIZED, consent,
        List.of(line(1, "MUG-CERAMIC", 1, "9.90", 0), line(2, "PRINT-LIMITED", 3, "250.00", 2)),
        List.of(parcel(1, "madrid", "5.0", 700)), noQuote()));
  }

  @Test
  @DisplayName("tell a department about a purchase order once per step, never a customer, and without an order")
  void departmentNotificationAboutADocument() {
    when(repository.findByReferenceAndAudienceAndTopicAndDedupKey("PO-2026-000001", "purchasing", "SUPPLIER_REJECTED",
        "9")).thenReturn(Optional.empty());

    assertThat(notifications.notifyDepartment(Audience.PURCHASING, "PO-2026-000001", "SUPPLIER_REJECTED", "9",
        "Rejected. ", List.of("Line 1", "Line 2"))).isTrue();

    ArgumentCaptor<Notification> saved = ArgumentCaptor.forClass(Notification.class);
    verify(repository).saveAndFlush(saved.capture());
    assertThat(saved.getValue().orderId()).isNull();
    assertThat(saved.getValue().reference()).isEqualTo("PO-2026-000001");
    assertThat(saved.getValue().summary()).isEqualTo("Rejected.");
    assertThat(saved.getValue().detail()).isEqualTo("Line 1\nLine 2");
    verify(orders, never()).summary(any());

    when(repository.findByReferenceAndAudienceAndTopicAndDedupKey("PO-2026-000001", "purchasing", "SUPPLIER_REJECTED",
        "9")).thenReturn(Optional.of(saved.getValue()));
    assertThat(notifications.notifyDepartment(Audience.PURCHASING, "PO-2026-000001", "SUPPLIER_REJECTED", "9",
        "Rejected.", List.of())).as("the same step again").isFalse();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> notifications.notifyDepartment(Audience.CUSTOMER,
        "PO-2026-000001", "SUPPLIER_REJECTED", "9", "x", List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("give marketing nothing from a customer who did not consent")
  void noConsentNoMarketing() {
    anOrder(false);

    assertThat(notifications.notify("o-1", Audience.MARKETING, "CONSENTING_CUSTOMER", "1")).isFalse();

    verify(repository, never()).saveAndFlush(any());
  }

  @Test
  @DisplayName("give marketing the contact of a consenting customer, without the reason texts meant for the customer")
  void consentMarketing() {
    anOrder(true);
    when(repository.findByOrderIdAndAudienceAndTopicAndDedupKey(any(), any(), any(), any())).thenReturn(Optional.empty());

    assertThat(notifications.notify("o-1", Audience.MARKETING, "CONSENTING_CUSTOMER", "1", "private detail")).isTrue();

    ArgumentCaptor<Notification> saved = ArgumentCaptor.forClass(Notification.class);
    verify(repository).saveAndFlush(saved.capture());
    assertThat(saved.getValue().summary()).contains("ana@example.com").doesNotContain("private detail")
        .doesNotContain("pm_");
  }

  @Test
  @DisplayName("record a step's notification once: a repeated job finds it and writes nothing")
  void once() {
    anOrder(false);
    when(repository.findByOrderIdAndAudienceAndTopicAndDedupKey("o-1", "customer", "ORDER_CANCELLED", "42"))
        .thenReturn(Optional.of(mock(Notification.class)));

    assertThat(notifications.notify("o-1", Audience.CUSTOMER, "ORDER_CANCELLED", "42", "Out of stock")).isFalse();

    verify(repository, never()).saveAndFlush(any());
  }

  @Test
  @DisplayName("tell the customer the reason and what is not available, never the payment token")
  void customerText() {
    anOrder(false);
    when(repository.findByOrderIdAndAudienceAndTopicAndDedupKey(any(), any(), any(), any())).thenReturn(Optional.empty());

    notifications.notify("o-1", Audience.CUSTOMER, "ITEMS_UNAVAILABLE", "7", "Please choose");

    ArgumentCaptor<Notification> saved = ArgumentCaptor.forClass(Notification.class);
    verify(repository).saveAndFlush(saved.capture());
    assertThat(saved.getValue().summary()).contains("ORD-TEST2345").contains("not available now: 2 x PRINT-LIMITED")
        .contains("Please choose").doesNotContain("pm_card_visa");
    assertThat(saved.getValue().audience()).isEqualTo("customer");
  }
}
