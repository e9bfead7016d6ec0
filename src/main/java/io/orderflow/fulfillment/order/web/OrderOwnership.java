package io.orderflow.fulfillment.order.web;

import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.security.CurrentUser;
import io.orderflow.fulfillment.security.Roles;
import io.orderflow.fulfillment.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A customer reads and acts only on their own orders: on every route under {@code /api/orders/{orderId}} (whichever
 * feature serves it: tracking, invoices, notifications, payment…) the order's customer e-mail must be the caller's
 * (case-insensitive). Another customer's order answers 404, as an unknown one does, so ids reveal nothing. Staff roles
 * are not restricted here; the route rules decide what they may do.
 */
@Configuration
class OrderOwnership implements WebMvcConfigurer, HandlerInterceptor {

  private final OrderService orders;

  OrderOwnership(OrderService orders) {
    this.orders = orders;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/orders/*", "/api/orders/*/**");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    CurrentUser user = CurrentUser.current().orElse(null);
    @SuppressWarnings("unchecked")
    Map<String, String> variables = (Map<String, String>) request.getAttribute(
        HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    if (user != null && warehouseStaffOnly(user)) {
      requireOwnWarehouse(user, variables);
      return true;
    }
    if (user == null || !user.customerOnly()) {
      return true;
    }
    String orderId = variables == null ? null : variables.get("orderId");
    if (orderId == null) {
      // fail closed: a route under /api/orders/{id} that does not name its id orderId
      throw new NotFoundException("Order", request.getRequestURI());
    }
    String owner = orders.customerEmail(orderId).orElse(null);
    if (owner != null && !user.owns(owner)) {
      throw new NotFoundException("Order", orderId);
    }
    return true;
  }

  /** Warehouse staff without an office role: what they reach of an order is a parcel of their own warehouses. */
  private static boolean warehouseStaffOnly(CurrentUser user) {
    return user.hasAnyRole(Roles.WAREHOUSE, Roles.WAREHOUSE_SUPERVISOR)
        && !user.hasAnyRole(Roles.CUSTOMER_SERVICE, Roles.OPS, Roles.FINANCE);
  }

  /** A parcel's papers (the customer's name and address) stay in the warehouse that ships it: 404 elsewhere. */
  private void requireOwnWarehouse(CurrentUser user, Map<String, String> variables) {
    String orderId = variables == null ? null : variables.get("orderId");
    String shipmentNo = variables == null ? null : variables.get("shipmentNo");
    if (orderId == null || shipmentNo == null) {
      return;
    }
    String warehouse = orders.summary(orderId).shipments().stream()
        .filter(s -> String.valueOf(s.shipmentNo()).equals(shipmentNo)).map(OrderService.ShipmentSummary::warehouseId)
        .findFirst().orElse(null);
    if (!user.worksIn(warehouse)) {
      throw new NotFoundException("Parcel", orderId + "/" + shipmentNo);
    }
  }

  /** A customer places orders under their own e-mail only; customer service places them for anyone (phone orders). */
  static void requireOwnEmail(String email) {
    CurrentUser user = CurrentUser.required();
    if (user.customerOnly() && !user.owns(email)) {
      throw new io.orderflow.fulfillment.shared.ForbiddenException(
          "Customers place orders under their own e-mail address (" + user.email() + "), not " + email);
    }
  }
}
