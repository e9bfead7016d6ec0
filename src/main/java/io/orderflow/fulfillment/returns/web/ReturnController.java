package io.orderflow.fulfillment.returns.web;

import io.orderflow.fulfillment.payment.RefundChoice;

import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.returns.ReturnKind;
import io.orderflow.fulfillment.returns.ReturnReason;
import io.orderflow.fulfillment.returns.Returns;
import io.orderflow.fulfillment.returns.Returns.ReturnView;
import io.orderflow.fulfillment.security.CurrentUser;
import io.orderflow.fulfillment.security.Roles;
import io.orderflow.fulfillment.shared.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Returns and complaints: the customer (or customer service for them) requests one for lines of a delivered order;
 * the customer, customer service, finance and the staff of the warehouse it goes back to read it; the dock reports the
 * parcel's arrival. Ownership of the order under {@code /api/orders/{orderId}} is checked by the order module; here
 * the same rule is applied to {@code /api/returns/{returnId}} (another customer's return answers 404, as does another
 * warehouse's).
 */
@RestController
class ReturnController {

  record LineData(Integer lineNo, Integer quantity) {}

  record ReturnRequestBody(ReturnKind kind, ReturnReason reason, @Size(max = 50) List<LineData> lines,
      @Size(max = 2000) String notes, List<String> photoUrls, RefundChoice refundChoice) {}

  private final Returns returns;
  private final OrderService orders;

  ReturnController(Returns returns, OrderService orders) {
    this.returns = returns;
    this.orders = orders;
  }

  @PostMapping("/api/orders/{orderId}/returns")
  ResponseEntity<ReturnView> request(@PathVariable String orderId, @Valid @RequestBody ReturnRequestBody body) {
    CurrentUser user = CurrentUser.required();
    ReturnView created = returns.request(orderId, new Returns.RequestReturn(body.kind(), body.reason(),
        body.lines() == null ? null : body.lines().stream()
            .map(l -> l == null ? null : new Returns.RequestedLine(l.lineNo(), l.quantity())).toList(),
        body.notes(), body.photoUrls(), body.refundChoice(), user.username()));
    return ResponseEntity.created(URI.create("/api/returns/" + created.id())).body(created);
  }

  @GetMapping("/api/orders/{orderId}/returns")
  List<ReturnView> ofOrder(@PathVariable String orderId) {
    return returns.ofOrder(orderId, true);
  }

  /** Customer service's list: every open return with its step ({@code open=true}, the default), or the latest ones. */
  @GetMapping("/api/returns")
  List<ReturnView> list(@RequestParam(defaultValue = "true") boolean open,
      @RequestParam(defaultValue = "200") int limit) {
    int max = Math.max(1, Math.min(limit, 500));
    return open ? returns.open(max) : returns.latest(max);
  }

  @GetMapping("/api/returns/{returnId}")
  ReturnView get(@PathVariable String returnId) {
    requireReadable(returnId);
    return returns.get(returnId);
  }

  @GetMapping("/api/returns/{returnId}/label.pdf")
  ResponseEntity<byte[]> label(@PathVariable String returnId) {
    requireReadable(returnId);
    ReturnView view = returns.get(returnId);
    byte[] pdf = returns.label(returnId);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename("return-label-" + view.rmaNumber() + ".pdf").build().toString())
        .cacheControl(CacheControl.noStore())
        .body(pdf);
  }

  /** The dock scanned the RMA label: the parcel is in (409 unless the return waits for its parcel). */
  @PostMapping("/api/returns/{returnId}/arrival")
  ResponseEntity<ReturnView> arrival(@PathVariable String returnId) {
    CurrentUser user = CurrentUser.required();
    Returns.Owner owner = returns.owner(returnId);
    if (!user.worksIn(owner.warehouseId())) {
      throw new NotFoundException("Return", returnId);
    }
    return ResponseEntity.accepted().body(returns.arrival(returnId, user.username()));
  }

  /**
   * A customer reads only the returns of their own orders; warehouse staff without an office role only those going
   * back to their warehouses. Anything else answers 404 like an unknown return.
   */
  private void requireReadable(String returnId) {
    CurrentUser user = CurrentUser.required();
    Returns.Owner owner = returns.owner(returnId);
    if (user.customerOnly()) {
      String email = orders.customerEmail(owner.orderId()).orElse(null);
      if (!user.owns(email)) {
        throw new NotFoundException("Return", returnId);
      }
    } else if (user.hasAnyRole(Roles.WAREHOUSE, Roles.WAREHOUSE_SUPERVISOR)
        && !user.hasAnyRole(Roles.CUSTOMER_SERVICE, Roles.OPS, Roles.FINANCE) && !user.worksIn(owner.warehouseId())) {
      throw new NotFoundException("Return", returnId);
    }
  }
}
