package io.orderflow.fulfillment.replenishment;

import java.time.Clock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The simulated supplier: records the purchase order as the e-mail the supplier would get (table supplier_dispatch),
 * in the transaction that marks the order sent, once per purchase order; a reminder of a late delivery likewise
 * (table supplier_reminder), once per purchase order and expected date. The supplier's answer comes through
 * {@code POST /api/purchase-orders/{id}/supplier-confirmation}, as a real supplier's portal would call it.
 */
@Component
class SimulatedSupplierGateway implements SupplierGateway {

  private static final Logger log = LoggerFactory.getLogger(SimulatedSupplierGateway.class);

  private final SupplierDispatchRepository dispatches;
  private final SupplierReminderRepository reminders;
  private final Clock clock;

  SimulatedSupplierGateway(SupplierDispatchRepository dispatches, SupplierReminderRepository reminders, Clock clock) {
    this.dispatches = dispatches;
    this.reminders = reminders;
    this.clock = clock;
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public void send(Document d) {
    if (dispatches.existsByPurchaseOrderId(d.purchaseOrderId())) {
      return;
    }
    String text = "Purchase order " + d.poNumber() + " to " + d.supplierName() + "\n"
        + "Deliver to warehouse " + d.warehouseId() + (d.expectedDate() == null ? "" : " by " + d.expectedDate()) + "\n"
        + d.lines().stream().map(l -> l.lineNo() + ". " + l.sku() + " x " + l.quantity() + " at " + l.unitCost() + " "
            + d.currency()).collect(Collectors.joining("\n"))
        + "\nTotal " + d.totalValue() + " " + d.currency() + "\n";
    dispatches.saveAndFlush(new SupplierDispatch(d.purchaseOrderId(), d.supplierEmail(), text, clock.instant()));
    log.info("Purchase order {} sent to supplier {} (simulated)", d.poNumber(), d.supplierId());
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public void remind(Reminder r) {
    if (reminders.existsByPurchaseOrderIdAndExpectedDate(r.purchaseOrderId(), r.expectedDate())) {
      return;
    }
    String text = "Reminder: purchase order " + r.poNumber() + " to " + r.supplierName() + "\n"
        + "The delivery to warehouse " + r.warehouseId() + " was expected by " + r.expectedDate()
        + ". Still open:\n"
        + r.openLines().stream().map(l -> l.lineNo() + ". " + l.sku() + " x " + l.quantity())
            .collect(Collectors.joining("\n"))
        + "\nPlease deliver or tell us the new date.\n";
    reminders.saveAndFlush(new SupplierReminder(r.purchaseOrderId(), r.expectedDate(), r.supplierEmail(), text,
        clock.instant()));
    log.info("Supplier {} reminded of purchase order {} expected {} (simulated)", r.supplierId(), r.poNumber(),
        r.expectedDate());
  }
}
