package io.orderflow.fulfillment.order.web;

import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.order.web.OrderApi.IncidentView;
import io.orderflow.fulfillment.order.web.OrderApi.LineView;
import io.orderflow.fulfillment.order.web.OrderApi.OrderView;
import io.orderflow.fulfillment.order.web.OrderApi.StepView;
import io.orderflow.fulfillment.process.ProcessState;
import io.orderflow.fulfillment.process.ProcessState.InstanceView;
import java.util.List;
import org.springframework.stereotype.Component;

/** An order as the API shows it: the stored order plus where its process stands now. */
@Component
public class OrderViews {

  private final ProcessState processState;
  private final io.orderflow.fulfillment.order.OrderService orders;
  private final List<io.orderflow.fulfillment.order.OrderReturns> returns;

  OrderViews(ProcessState processState, io.orderflow.fulfillment.order.OrderService orders,
      List<io.orderflow.fulfillment.order.OrderReturns> returns) {
    this.processState = processState;
    this.orders = orders;
    this.returns = List.copyOf(returns);
  }

  public OrderView view(OrderSummary o) {
    InstanceView instance = o.processInstanceKey() == null ? null : processState.instance(o.processInstanceKey());
    return new OrderView(o.id(), o.orderNumber(), o.status(), o.customer().name(), o.customer().email(),
        o.shippingAddress(), o.delivery(), o.marketingConsent(), o.currency().getCurrencyCode(), o.totalAmount(),
        o.paymentMethod(), o.warehouseId(), o.routingReason(), o.trackingNumber(), o.cancellationReason(), o.processInstanceKey(),
        instance == null ? "NOT_STARTED" : instance.status().name(),
        instance == null ? List.of() : instance.activeElements().stream()
            .map(e -> new StepView(e.elementId(), e.name(), e.type())).toList(),
        instance == null ? List.of() : instance.incidents().stream()
            .map(i -> new IncidentView(i.elementId(), i.errorType(), i.message())).toList(),
        o.placedAt(), o.updatedAt(),
        o.lines().stream().map(l -> new LineView(l.lineNo(), l.sku(), l.productName(), l.quantity(), l.unitPrice(),
            l.lineTotal(), l.unavailableQuantity())).toList(),
        o.shipments().stream().map(s -> new OrderApi.ShipmentView(s.shipmentNo(), s.warehouseId(), s.distanceKm(),
            java.math.BigDecimal.valueOf(s.weightGrams()).movePointLeft(3), s.shippingCost(), s.transitDays(),
            s.status(), s.trackingNumber(), s.invoiceNumber(), s.estimatedDelivery(), s.handedOverAt(),
            s.cancelledAt())).toList(),
        new OrderApi.QuoteView(o.quote().shippingCost(), o.quote().amountDue(), o.quote().validUntil(),
            o.quote().acceptedAt()),
        o.backorderDecision(), new OrderApi.PaymentView(o.paymentMethod(), o.paymentStatus().name(), o.paymentDetail()),
        o.acknowledgedAt(), o.language(), orders.history(o.id()), o.replacementFor(), orders.replacementsOf(o.id()),
        returns.stream().flatMap(r -> r.ofOrder(o.id()).stream()).toList(), o.backorderFor(),
        orders.backordersOf(o.id()), o.channel() == null ? null : o.channel().name());
  }
}
