package io.orderflow.fulfillment.replenishment;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.orderflow.fulfillment.catalog.Catalog;
import io.orderflow.fulfillment.catalog.Product;
import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.notification.Notifications;
import io.orderflow.fulfillment.shared.numbering.GapFreeNumbers;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A real {@link Replenishment} over in-memory purchase orders (a map behind the repository) and mocked neighbours, for
 * tests outside the module's package (the workers' tests): what reached the supplier port, the stock and purchasing's
 * mailbox is counted here, so a test can show that a step done twice has one effect.
 */
public final class PurchaseTestKit {

  public static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  /** SMARTWATCH-S2 for Sofia: 15 at 80.55 EUR from Voltware (1208.25 EUR, above the approval threshold). */
  public static final String WATCH = "SMARTWATCH-S2";
  /** YOGA-MAT for Sofia: 10 at 15.30 EUR from Casa &amp; Home Goods (153.00 EUR, no approval needed). */
  public static final String MAT = "YOGA-MAT";
  public static final String SOFIA = "sofia";

  public final Replenishment replenishment;
  public final Inventory inventory = mock(Inventory.class);
  public final Notifications notifications = mock(Notifications.class);
  public final Transfers transfers = mock(Transfers.class);
  public final PurchasingNotices notices;
  private final Map<String, PurchaseOrder> stored = new ConcurrentHashMap<>();
  private final List<SupplierGateway.Document> sent = new ArrayList<>();
  private final List<SupplierGateway.Reminder> reminded = new ArrayList<>();
  private final AtomicInteger numbers = new AtomicInteger();

  public PurchaseTestKit() {
    ReorderPolicyRepository policies = mock(ReorderPolicyRepository.class);
    when(policies.findById(new ReorderPolicy.Key(WATCH, SOFIA))).thenReturn(Optional.of(
        new ReorderPolicy(WATCH, SOFIA, 5, 15, "voltware", new BigDecimal("80.55"))));
    when(policies.findById(new ReorderPolicy.Key(MAT, SOFIA))).thenReturn(Optional.of(
        new ReorderPolicy(MAT, SOFIA, 5, 10, "casa-goods", new BigDecimal("15.30"))));
    SupplierRepository suppliers = mock(SupplierRepository.class);
    when(suppliers.findById("voltware")).thenReturn(Optional.of(
        new Supplier("voltware", "Voltware Electronics Sp. z o.o.", "sales@voltware.example", 14, "EUR")));
    when(suppliers.findById("casa-goods")).thenReturn(Optional.of(
        new Supplier("casa-goods", "Casa & Home Goods EOOD", "orders@casa-goods.example", 5, "EUR")));
    PurchaseOrderRepository purchaseOrders = mock(PurchaseOrderRepository.class);
    when(purchaseOrders.saveAndFlush(any())).thenAnswer(i -> {
      PurchaseOrder po = i.getArgument(0);
      stored.put(po.id(), po);
      return po;
    });
    when(purchaseOrders.findById(anyString())).thenAnswer(i -> Optional.ofNullable(stored.get(i.<String>getArgument(0))));
    when(purchaseOrders.findByOpenKey(anyString())).thenAnswer(i -> stored.values().stream()
        .filter(po -> po.lines().stream().anyMatch(l -> i.getArgument(0).equals(l.openKey()))).findFirst());
    GapFreeNumbers numbering = mock(GapFreeNumbers.class);
    when(numbering.next("PO", 2026)).thenAnswer(i -> numbers.incrementAndGet());
    SupplierGateway gateway = new SupplierGateway() {
      @Override
      public void send(Document document) {
        sent.add(document);
      }

      @Override
      public void remind(Reminder reminder) {
        reminded.add(reminder);
      }
    };
    Catalog catalog = mock(Catalog.class);
    when(catalog.bySku(any())).thenReturn(Map.of(
        WATCH, new Product(WATCH, "SMARTWATCH", "Smartwatch S2", "electronics", null, new BigDecimal("179.00"),
            Currency.getInstance("EUR"), 60, true),
        MAT, new Product(MAT, "YOGA-MAT", "Yoga mat", "sports", null, new BigDecimal("34.00"),
            Currency.getInstance("EUR"), 1200, false)));
    when(inventory.stockIn(anyString(), anyString())).thenAnswer(i -> Optional.of(new Inventory.WarehouseStock(
        i.getArgument(0), i.getArgument(1), 4, 0, 4, "B-03-2")));
    when(inventory.putAwayBin(anyString(), anyString())).thenReturn("B-03-2");
    when(notifications.notifyDepartment(any(), anyString(), anyString(), anyString(), anyString(), any()))
        .thenReturn(true);
    notices = new PurchasingNotices(notifications, catalog, transfers);
    replenishment = new Replenishment(policies, suppliers, purchaseOrders, numbering, gateway, inventory, catalog,
        notices, ReplenishmentSettings.defaults(),
        mock(PlatformTransactionManager.class), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** How many purchase orders exist. */
  public int purchaseOrders() {
    return stored.size();
  }

  /** How many purchase orders went to a supplier. */
  public int sentToSuppliers() {
    return sent.size();
  }

  /** The expected dates suppliers were reminded of. */
  public List<LocalDate> reminders() {
    return reminded.stream().map(SupplierGateway.Reminder::expectedDate).toList();
  }

  /** The purchase order's history: its steps in order. */
  public List<String> history(String poId) {
    return stored.get(poId).events().stream().map(PurchaseOrderEvent::step).toList();
  }

  /** A purchase order of {@code quantity} SKUs for Sofia, sent to the supplier, driven by process instance 1. */
  public String sentPurchaseOrder(String sku, int quantity) {
    String poId = replenishment.proposeFor(sku, SOFIA, quantity, 1L).purchaseOrder().id();
    if (stored.get(poId).status() == PurchaseOrderStatus.AWAITING_APPROVAL) {
      replenishment.decide(poId, true, null, "buyer.purchasing");
    }
    replenishment.send(poId);
    return poId;
  }
}
