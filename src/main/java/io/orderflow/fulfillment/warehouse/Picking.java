package io.orderflow.fulfillment.warehouse;

import io.orderflow.fulfillment.catalog.Catalog;
import io.orderflow.fulfillment.catalog.Product;
import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.inventory.Inventory.ReservedLine;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.Elements;
import io.orderflow.fulfillment.process.OrderFulfillmentProcess.Variables;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.tasks.StaffTask;
import io.orderflow.fulfillment.shared.NotFoundException;
import io.orderflow.fulfillment.tasks.StaffTaskPort;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Picking a parcel by scanning on a handheld. The handheld reads the barcode on the bin label or the item: the SKU
 * printed as Code 128, so the scanned text is the SKU itself. The parcel is the one of the pick task (its local
 * variables {@code shipmentNo} and {@code warehouseCode}, and {@code orderId}); its pick list is what the order holds
 * in that warehouse. A refused scan stores nothing; the unique keys of {@code pick_scan} make a repeated or concurrent
 * scan harmless.
 */
@Service
public class Picking {

  private static final Logger log = LoggerFactory.getLogger(Picking.class);

  /** A parcel's pick list on the handheld, lines in walking order (by bin). */
  public record PickList(long taskKey, String orderId, String orderNumber, int shipmentNo, String warehouseId,
      int unitsToScan, boolean complete, List<PickLine> lines) {}

  public record PickLine(String sku, String productName, int quantity, String binLocation, boolean serialized,
      int scannedQuantity, List<String> serialNumbers) {}

  /** A serial number picked for the order (recorded when the parcel's pick task was completed). */
  public record PickedSerial(int shipmentNo, String sku, String serialNumber) {}

  /**
   * The parcel a pick task is about. Tasks are read through the port, not TaskService: TaskService consults the
   * {@link PickCompletionGuard}, which uses this class.
   */
  record Parcel(long taskKey, String orderId, int shipmentNo, String warehouseId) {}

  private final StaffTaskPort tasks;
  private final Inventory inventory;
  private final Catalog catalog;
  private final OrderService orders;
  private final PickScanRepository scans;
  private final Clock clock;

  Picking(StaffTaskPort tasks, Inventory inventory, Catalog catalog, OrderService orders, PickScanRepository scans,
      Clock clock) {
    this.tasks = tasks;
    this.inventory = inventory;
    this.catalog = catalog;
    this.orders = orders;
    this.scans = scans;
    this.clock = clock;
  }

  /**
   * @throws io.orderflow.fulfillment.shared.NotFoundException for an unknown task
   * @throws ConflictException when the task is not a pick task
   */
  public PickList pickList(long taskKey) {
    Parcel parcel = parcelOf(pickTask(taskKey));
    return view(parcel, load(parcel));
  }

  /** Records one scanned unit and returns the updated pick list; the rules are {@link ParcelPick#accept}'s. */
  public PickList scan(long taskKey, String barcode, String serialNumber) {
    StaffTask task = pickTask(taskKey);
    if (!task.open()) {
      throw new ConflictException("Task " + taskKey + " is " + task.state().name().toLowerCase()
          + ": its pick list takes no more scans");
    }
    Parcel parcel = parcelOf(task);
    ParcelPick pick = load(parcel);
    if (pick.accept(barcode, serialNumber) instanceof ParcelPick.Outcome.NewUnit(ParcelPick.Unit unit)) {
      if (unit.serialNumber() != null) {
        scans.findBySkuAndSerialNumber(unit.sku(), unit.serialNumber()).ifPresent(other -> {
          throw serialTaken(unit);
        });
      }
      try {
        scans.saveAndFlush(new PickScan(parcel.orderId(), parcel.shipmentNo(), unit.sku(), unit.unitNo(),
            unit.serialNumber(), clock.instant()));
      } catch (DataIntegrityViolationException clash) {
        if (unit.serialNumber() != null && scans.findBySkuAndSerialNumber(unit.sku(), unit.serialNumber()).isPresent()) {
          throw serialTaken(unit);
        }
        throw new ConflictException("Unit " + unit.unitNo() + " of " + unit.sku() + " was scanned at the same time on "
            + "another handheld; reload the pick list");
      }
      log.info("Scanned {} unit {} for parcel {} of order {} (task {})", unit.sku(), unit.unitNo(),
          parcel.shipmentNo(), parcel.orderId(), taskKey);
    }
    return view(parcel, load(parcel));
  }

  /** The serial numbers picked for the order's lines, by parcel and SKU; empty until a pick is completed. */
  public List<PickedSerial> serialsOf(String orderId) {
    return scans.findByOrderIdAndPickedAtIsNotNullAndSerialNumberIsNotNullOrderByShipmentNoAscSkuAscUnitNoAsc(orderId)
        .stream().map(s -> new PickedSerial(s.shipmentNo(), s.sku(), s.serialNumber())).toList();
  }

  /**
   * The parcel was cancelled after (part of) its pick: the goods go back to their bins, so the scans move to the
   * record of cancelled picks and their serial numbers can be picked for another order. A repeat changes nothing.
   *
   * @return how many scanned units went back
   */
  @org.springframework.transaction.annotation.Transactional
  public int returnToBins(String orderId, int shipmentNo) {
    scans.archiveCancelled(orderId, shipmentNo, clock.instant());
    int units = scans.deleteParcel(orderId, shipmentNo);
    if (units > 0) {
      log.info("Parcel {} of order {} cancelled: {} scanned unit(s) back to their bins", shipmentNo, orderId, units);
    }
    return units;
  }

  /** @throws ConflictException naming the units not scanned yet */
  void requireFullyScanned(Parcel parcel) {
    load(parcel).requireComplete();
  }

  void picked(Parcel parcel) {
    int units = scans.markPicked(parcel.orderId(), parcel.shipmentNo(), clock.instant());
    log.info("Parcel {} of order {} picked: {} scanned unit(s) recorded (task {})", parcel.shipmentNo(),
        parcel.orderId(), units, parcel.taskKey());
  }

  static boolean isPickTask(StaffTask task) {
    return Elements.PICK_ORDER.equals(task.elementId());
  }

  static Parcel parcelOf(StaffTask task, Map<String, Object> variables) {
    Object orderId = variables.get(Variables.ORDER_ID);
    Object shipmentNo = variables.get(Variables.SHIPMENT_NO);
    Object warehouse = variables.get(Variables.WAREHOUSE_CODE);
    if (orderId == null || !(shipmentNo instanceof Number n) || warehouse == null) {
      throw new IllegalStateException("Pick task " + task.key() + " lacks orderId, shipmentNo or warehouseCode: "
          + variables.keySet());
    }
    return new Parcel(task.key(), orderId.toString(), n.intValue(), warehouse.toString());
  }

  private StaffTask pickTask(long taskKey) {
    StaffTask task = tasks.find(taskKey).orElseThrow(() -> new NotFoundException("Task", taskKey));
    if (!isPickTask(task)) {
      throw new ConflictException("Task " + taskKey + " (" + task.name() + ") is not a pick task");
    }
    return task;
  }

  private Parcel parcelOf(StaffTask task) {
    return parcelOf(task, tasks.variables(task.key()));
  }

  private ParcelPick load(Parcel parcel) {
    List<ReservedLine> reserved = inventory.reservedLines(parcel.orderId(), parcel.warehouseId());
    Map<String, Product> products = catalog.bySku(reserved.stream().map(ReservedLine::sku).toList());
    List<ParcelPick.Line> lines = reserved.stream()
        .map(r -> {
          Product p = products.get(r.sku());
          return new ParcelPick.Line(r.sku(), p == null ? r.sku() : p.displayName(), r.quantity(), r.binLocation(),
              p != null && p.serialized());
        })
        .toList();
    List<ParcelPick.Unit> units = scans.findByOrderIdAndShipmentNoOrderById(parcel.orderId(), parcel.shipmentNo())
        .stream().map(s -> new ParcelPick.Unit(s.sku(), s.unitNo(), s.serialNumber())).toList();
    return new ParcelPick(orders.summary(parcel.orderId()).orderNumber(), parcel.shipmentNo(), lines, units);
  }

  private PickList view(Parcel parcel, ParcelPick pick) {
    List<PickLine> lines = pick.lines().stream()
        .map(l -> {
          List<ParcelPick.Unit> units = pick.scannedOf(l.sku());
          return new PickLine(l.sku(), l.productName(), l.quantity(), l.binLocation(), l.serialized(), units.size(),
              units.stream().map(ParcelPick.Unit::serialNumber).filter(s -> s != null).toList());
        })
        .toList();
    return new PickList(parcel.taskKey(), parcel.orderId(), orders.summary(parcel.orderId()).orderNumber(),
        parcel.shipmentNo(), parcel.warehouseId(), pick.missingUnits(), pick.complete(), lines);
  }

  private static ConflictException serialTaken(ParcelPick.Unit unit) {
    return new ConflictException("Serial number " + unit.serialNumber() + " of " + unit.sku()
        + " was already scanned; scan the serial number of the unit in your hand");
  }
}
