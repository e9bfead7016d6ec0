package io.orderflow.fulfillment.notification.web;

import io.orderflow.fulfillment.notification.Audience;
import io.orderflow.fulfillment.notification.Notifications;
import io.orderflow.fulfillment.notification.Notifications.NotificationView;
import io.orderflow.fulfillment.security.CurrentUser;
import io.orderflow.fulfillment.security.Roles;
import io.orderflow.fulfillment.shared.ForbiddenException;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What customers and departments were told: per order, and per department (newest first). */
@RestController
class NotificationController {

  private final Notifications notifications;

  NotificationController(Notifications notifications) {
    this.notifications = notifications;
  }

  @GetMapping("/api/orders/{orderId}/notifications")
  List<NotificationView> ofOrder(@PathVariable String orderId) {
    return notifications.ofOrder(orderId);
  }

  @GetMapping("/api/notifications")
  List<NotificationView> forAudience(@RequestParam String audience, @RequestParam(defaultValue = "50") int max) {
    Audience parsed;
    try {
      parsed = Audience.ofCode(audience);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("audience", e.getMessage());
    }
    requireAudienceOf(parsed, CurrentUser.required());
    if (max < 1 || max > 500) {
      throw new InvalidRequestException("max", "must be between 1 and 500");
    }
    return notifications.forAudience(parsed, max);
  }

  /**
   * A department reads its own notifications (audience = its role); the customers' notifications are customer
   * service's; ops reads all. Marketing thus sees only its own audience, which holds customers who gave consent.
   */
  private static void requireAudienceOf(Audience audience, CurrentUser user) {
    boolean allowed = user.hasRole(Roles.OPS)
        || (audience == Audience.CUSTOMER ? user.hasRole(Roles.CUSTOMER_SERVICE) : user.hasRole(audience.code()));
    if (!allowed) {
      throw new ForbiddenException("Your role " + user.describeRoles() + " may not read the notifications of audience "
          + audience.code());
    }
  }
}
