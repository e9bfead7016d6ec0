package io.orderflow.fulfillment.notification;

import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What customers and departments are told about orders. Each process step writes at most one notification per
 * topic: the step's element instance is the de-duplication key, so a job delivered twice records it once, while a
 * second reminder (another step instance) is a new notification. Marketing receives contact data only from orders
 * whose customer gave marketing consent.
 */
@Service
public class Notifications {

  private static final Logger log = LoggerFactory.getLogger(Notifications.class);

  /**
   * A notification with where its e-mail stands: {@code mail} is SENT, PENDING (not tried yet), SENDING (a sender holds
   * it), RETRYING (an attempt failed, {@code nextAttemptAt} says when the next one is due) or FAILED (given up;
   * {@code lastError} says why).
   */
  public record NotificationView(long id, String orderId, String audience, String topic, String summary,
      Instant createdAt, Instant sentAt, String mail, int attempts, Instant nextAttemptAt, String lastError,
      Instant failedAt, String reference) {}

  private final NotificationRepository repository;
  private final OrderService orders;
  private final TransactionTemplate tx;
  private final Clock clock;

  Notifications(NotificationRepository repository, OrderService orders, PlatformTransactionManager txManager,
      Clock clock) {
    this.repository = repository;
    this.orders = orders;
    this.tx = new TransactionTemplate(txManager);
    this.clock = clock;
  }

  /**
   * Records a notification for the audience about the order, once per {@code dedupKey}. Returns false when nothing
   * was recorded: it existed already, or marketing would have received contact data without consent.
   */
  public boolean notify(String orderId, Audience audience, String topic, String dedupKey) {
    return notify(orderId, audience, topic, dedupKey, null);
  }

  /** As {@link #notify(String, Audience, String, String)}, with a detail for the reader (a reason, an answer). */
  public boolean notify(String orderId, Audience audience, String topic, String dedupKey, String detail) {
    OrderSummary order = orders.summary(orderId);
    if (audience == Audience.MARKETING && !order.marketingConsent()) {
      log.info("Order {}: no consent to marketing, topic {} not shared", orderId, topic);
      return false;
    }
    if (repository.findByOrderIdAndAudienceAndTopicAndDedupKey(orderId, audience.code(), topic, dedupKey).isPresent()) {
      return false;
    }
    String shownDetail = detail == null || detail.isBlank() || audience == Audience.MARKETING ? null : detail.strip();
    String summary = summaryFor(order, audience, topic) + (shownDetail == null ? "" : ". " + shownDetail);
    try {
      tx.executeWithoutResult(status -> repository.saveAndFlush(
          new Notification(orderId, audience.code(), topic, dedupKey, summary, shownDetail, clock.instant())));
      log.info("Order {}: {} notified ({})", orderId, audience.code(), topic);
      return true;
    } catch (DataIntegrityViolationException concurrentDuplicate) {
      return false;
    }
  }

  /**
   * Records a mail to a department about a business document that is not a customer order (a purchase order), once
   * per reference, topic and {@code dedupKey}. Returns false when it existed already. The mail's subject names the
   * reference; the summary is its first paragraph and each fact one line under it (at most 1000 characters in all).
   *
   * @param reference what the mail is about, e.g. {@code PO-2026-000123}
   * @param facts e.g. one per purchase order line with its discrepancies
   */
  public boolean notifyDepartment(Audience department, String reference, String topic, String dedupKey,
      String summary, List<String> facts) {
    if (department == Audience.CUSTOMER) {
      throw new IllegalArgumentException("A customer is told about orders only");
    }
    if (reference == null || reference.isBlank() || topic == null || dedupKey == null || summary == null) {
      throw new IllegalArgumentException("A department notification needs a reference, a topic, a key and a summary");
    }
    if (repository.findByReferenceAndAudienceAndTopicAndDedupKey(reference, department.code(), topic, dedupKey)
        .isPresent()) {
      return false;
    }
    String detail = facts == null || facts.isEmpty() ? null : String.join("\n", facts);
    try {
      tx.executeWithoutResult(status -> repository.saveAndFlush(Notification.about(reference, department.code(), topic,
          dedupKey, summary.strip(), detail, clock.instant())));
      log.info("{}: {} notified ({})", reference, department.code(), topic);
      return true;
    } catch (DataIntegrityViolationException concurrentDuplicate) {
      return false;
    }
  }

  /**
   * Records a mail to a customer about something that is not an order (a campaign offer), to the given address, once
   * per reference, topic and {@code dedupKey}. Returns false when it existed already. The caller is responsible for
   * the customer's consent (marketing mails go to consenting customers only).
   */
  public boolean notifyCustomerAbout(String email, String reference, String topic, String dedupKey, String summary,
      List<String> facts) {
    if (email == null || email.isBlank() || reference == null || topic == null || dedupKey == null
        || summary == null) {
      throw new IllegalArgumentException("A customer mail needs an address, a reference, a topic, a key and a summary");
    }
    if (repository.findByReferenceAndAudienceAndTopicAndDedupKey(reference, Audience.CUSTOMER.code(), topic, dedupKey)
        .isPresent()) {
      return false;
    }
    String detail = facts == null || facts.isEmpty() ? null : String.join("\n", facts);
    try {
      tx.executeWithoutResult(status -> repository.saveAndFlush(Notification.toCustomer(email.strip(), reference,
          topic, dedupKey, summary.strip(), detail, clock.instant())));
      log.info("{}: customer notified ({})", reference, topic);
      return true;
    } catch (DataIntegrityViolationException concurrentDuplicate) {
      return false;
    }
  }

  /** The notifications about a document that is not an order (e.g. a purchase order number), oldest first. */
  @Transactional(readOnly = true)
  public List<NotificationView> about(String reference) {
    return repository.findByReferenceOrderById(reference).stream().map(Notifications::view).toList();
  }

  /**
   * The order is accepted (payment secured): recorded on the order once and the acknowledgement queued for the
   * customer once.
   */
  public void acknowledge(String orderId) {
    orders.acknowledge(orderId);
    notify(orderId, Audience.CUSTOMER, "ORDER_ACKNOWLEDGED", "order");
  }

  @Transactional(readOnly = true)
  public List<NotificationView> ofOrder(String orderId) {
    orders.summary(orderId); // 404 for an unknown order
    return repository.findByOrderIdOrderById(orderId).stream().map(Notifications::view).toList();
  }

  @Transactional(readOnly = true)
  public List<NotificationView> forAudience(Audience audience, int max) {
    return repository.findByAudienceOrderByIdDesc(audience.code(), Limit.of(max)).stream()
        .map(Notifications::view).toList();
  }

  /**
   * The text each audience gets: customers and customer service the order facts, marketing only the contact the
   * customer allowed, finance the money. No payment credentials ever.
   */
  private static String summaryFor(OrderSummary o, Audience audience, String topic) {
    String amount = o.amountDue() + " " + o.currency().getCurrencyCode();
    return switch (audience) {
      case MARKETING -> "Order " + o.orderNumber() + " (" + topic + "): " + o.customer().name() + " <"
          + o.customer().email() + ">, consented to marketing; " + o.lines().size() + " line(s)";
      case FINANCE -> "Order " + o.orderNumber() + " (" + topic + "): " + amount + " by " + o.paymentMethod()
          + ", payment " + o.paymentStatus();
      case CUSTOMER -> "To " + o.customer().email() + ": order " + o.orderNumber() + " (" + topic + "), " + amount
          + unavailable(o);
      default -> "Order " + o.orderNumber() + " (" + topic + ") for " + o.customer().name() + ", status " + o.status()
          + ", " + amount + ", ship from " + o.warehouseId();
    };
  }

  private static String unavailable(OrderSummary o) {
    if (!o.hasUnavailableLines()) {
      return "";
    }
    return "; not available now: " + o.lines().stream().filter(l -> l.unavailableQuantity() > 0)
        .map(l -> l.unavailableQuantity() + " x " + l.productName() + " (" + l.sku() + ")")
        .collect(java.util.stream.Collectors.joining(", "));
  }

  private static NotificationView view(Notification n) {
    String mail = n.sentAt() != null ? "SENT" : n.failedAt() != null ? "FAILED" : n.claimToken() != null ? "SENDING"
        : n.attempts() > 0 ? "RETRYING" : "PENDING";
    return new NotificationView(n.id(), n.orderId(), n.audience(), n.topic(), n.summary(), n.createdAt(), n.sentAt(),
        mail, n.attempts(), n.nextAttemptAt(), n.lastError(), n.failedAt(), n.reference());
  }
}
