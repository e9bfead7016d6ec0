package io.orderflow.fulfillment.replenishment.web;

import io.orderflow.fulfillment.replenishment.PurchaseOrderStatus;
import io.orderflow.fulfillment.replenishment.PurchaseOrderSteps;
import io.orderflow.fulfillment.replenishment.Replenishment;
import io.orderflow.fulfillment.replenishment.Replenishment.PurchaseOrderView;
import io.orderflow.fulfillment.replenishment.Replenishment.ReorderPolicyView;
import io.orderflow.fulfillment.security.CurrentUser;
import io.orderflow.fulfillment.security.Roles;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shared.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Purchase orders and reorder policies: purchasing (and ops, read-only) sees them all and approves those above the
 * threshold; the supplier's confirmation or rejection comes from the machine caller; the staff of the purchase order's
 * warehouse read it and record its deliveries (another warehouse's purchase order answers 404). The approval, the
 * supplier's answer and a delivery go through the purchase order's replenishment process ({@link PurchaseOrderSteps}):
 * 202, the process records the outcome.
 */
@RestController
class PurchaseOrderController {

  record ApprovalBody(@NotNull Boolean approved, @Size(max = 1000) String note) {}

  record ConfirmedLine(@NotBlank String sku, @NotNull @Min(0) Integer quantity) {}

  /** {@code accepted=true}: the lines the supplier will deliver and when; {@code false}: its reason. */
  record SupplierConfirmationBody(@NotNull Boolean accepted, @Valid @Size(max = 200) List<ConfirmedLine> lines,
      LocalDate expectedDate, @Size(max = 1000) String reason) {}

  record ReceivedLine(@NotBlank String sku, @NotNull @Min(0) Integer receivedQuantity, @Min(0) Integer damagedQuantity,
      @Size(max = 500) List<@Size(max = 100) String> lotOrSerials) {}

  /**
   * @param deliveryReference the supplier's delivery note (the form's deliveryNote); the same one again changes nothing
   * @param lastDelivery the supplier sends nothing more: the purchase order closes short after this delivery
   */
  record ReceiptBody(@Size(max = 80) String deliveryReference, @NotEmpty @Size(max = 200) List<@Valid ReceivedLine> lines,
      Boolean lastDelivery) {}

  private final Replenishment replenishment;
  private final PurchaseOrderSteps steps;

  PurchaseOrderController(Replenishment replenishment, PurchaseOrderSteps steps) {
    this.replenishment = replenishment;
    this.steps = steps;
  }

  @GetMapping("/api/purchase-orders")
  List<PurchaseOrderView> list(@RequestParam(required = false) PurchaseOrderStatus status,
      @RequestParam(defaultValue = "200") int limit) {
    CurrentUser user = CurrentUser.required();
    List<PurchaseOrderView> found = replenishment.list(status, Math.max(1, Math.min(limit, 500)));
    return warehouseOnly(user) ? found.stream().filter(po -> user.worksIn(po.warehouseId())).toList() : found;
  }

  @GetMapping("/api/purchase-orders/{poId}")
  PurchaseOrderView get(@PathVariable String poId) {
    requireOwnWarehouseIfWarehouseStaff(poId);
    return replenishment.get(poId);
  }

  /** Completes the purchase order's approval task as the signed-in user: 202, or 409 when it waits for none. */
  @PostMapping("/api/purchase-orders/{poId}/approval")
  ResponseEntity<PurchaseOrderView> approval(@PathVariable String poId, @Valid @RequestBody ApprovalBody body) {
    return ResponseEntity.accepted().body(steps.decide(poId, body.approved(), body.note(), CurrentUser.required()));
  }

  /** The supplier's answer (its portal or our mail gateway calls back as the machine caller). */
  @PostMapping("/api/purchase-orders/{poId}/supplier-confirmation")
  ResponseEntity<PurchaseOrderView> supplierConfirmation(@PathVariable String poId,
      @Valid @RequestBody SupplierConfirmationBody body) {
    replenishment.warehouseOf(poId); // 404 before 400 for an unknown purchase order
    if (!body.accepted()) {
      return ResponseEntity.accepted().body(steps.rejected(poId, body.reason()));
    }
    if (body.lines() == null || body.lines().isEmpty()) {
      throw new InvalidRequestException("lines", "name the confirmed quantity of at least one SKU");
    }
    Map<String, Integer> quantities = new LinkedHashMap<>();
    for (int i = 0; i < body.lines().size(); i++) {
      ConfirmedLine line = body.lines().get(i);
      if (quantities.put(line.sku(), line.quantity()) != null) {
        throw new InvalidRequestException("lines[" + i + "].sku", line.sku() + " is named twice");
      }
    }
    return ResponseEntity.accepted().body(steps.confirmed(poId, quantities, body.expectedDate()));
  }

  /**
   * A delivery counted by the staff of the purchase order's warehouse: completes its open receipt task as the user;
   * 202 with the purchase order (the receipt appears on it once the process recorded it).
   */
  @PostMapping("/api/purchase-orders/{poId}/receipts")
  ResponseEntity<PurchaseOrderView> receipt(@PathVariable String poId, @Valid @RequestBody ReceiptBody body) {
    CurrentUser user = CurrentUser.required();
    if (!user.worksIn(replenishment.warehouseOf(poId))) {
      throw new NotFoundException("Purchase order", poId);
    }
    return ResponseEntity.accepted().body(steps.received(poId, body.deliveryReference(),
        body.lines().stream().map(l -> new Replenishment.ReceiptLine(l.sku(), l.receivedQuantity(),
            l.damagedQuantity() == null ? 0 : l.damagedQuantity(), l.lotOrSerials())).toList(),
        Boolean.TRUE.equals(body.lastDelivery()), user));
  }

  @GetMapping("/api/reorder-policies")
  List<ReorderPolicyView> policies(@RequestParam(required = false) String sku) {
    return replenishment.policies(sku);
  }

  private static boolean warehouseOnly(CurrentUser user) {
    return user.hasAnyRole(Roles.WAREHOUSE, Roles.WAREHOUSE_SUPERVISOR)
        && !user.hasAnyRole(Roles.PURCHASING, Roles.OPS);
  }

  private void requireOwnWarehouseIfWarehouseStaff(String poId) {
    CurrentUser user = CurrentUser.required();
    if (warehouseOnly(user) && !user.worksIn(replenishment.warehouseOf(poId))) {
      throw new NotFoundException("Purchase order", poId);
    }
  }
}
