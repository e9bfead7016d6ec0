package io.orderflow.fulfillment.warehouse;

import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The rules of picking one parcel by scanning: what is on its pick list, what was scanned so far, and whether a scan is
 * accepted. Pure: the caller loads the lines and scans and stores the unit it returns. Whether a serial number was
 * scanned in another order is the caller's check (a unique key backs it).
 */
final class ParcelPick {

  record Line(String sku, String productName, int quantity, String binLocation, boolean serialized) {}

  record Unit(String sku, int unitNo, String serialNumber) {}

  /** A scan's outcome: a new unit to store, or the same serial scanned again on its line (nothing to store). */
  sealed interface Outcome {
    record NewUnit(Unit unit) implements Outcome {}

    record AlreadyScanned(Unit unit) implements Outcome {}
  }

  /** Walking order: by bin (lines without a bin last), then SKU. */
  static final Comparator<Line> WALKING_ORDER = Comparator
      .comparing(Line::binLocation, Comparator.nullsLast(Comparator.<String>naturalOrder()))
      .thenComparing(Line::sku);

  private final String orderNumber;
  private final int shipmentNo;
  private final List<Line> lines;
  private final List<Unit> scanned;

  ParcelPick(String orderNumber, int shipmentNo, List<Line> lines, List<Unit> scanned) {
    this.orderNumber = orderNumber;
    this.shipmentNo = shipmentNo;
    this.lines = lines.stream().sorted(WALKING_ORDER).toList();
    this.scanned = List.copyOf(scanned);
  }

  List<Line> lines() {
    return lines;
  }

  List<Unit> scannedOf(String sku) {
    return scanned.stream().filter(u -> u.sku().equals(sku)).toList();
  }

  /**
   * Checks a scan against the pick list.
   *
   * @throws ConflictException for a barcode not on the list or more units than the line needs
   * @throws InvalidRequestException for a missing serial number (serialized product) or one that is not wanted
   */
  Outcome accept(String barcode, String serialNumber) {
    String sku = barcode == null ? "" : barcode.trim();
    String serial = serialNumber == null || serialNumber.isBlank() ? null : serialNumber.trim();
    Line line = lines.stream().filter(l -> l.sku().equals(sku)).findFirst()
        .orElseThrow(() -> new ConflictException("Scanned " + sku + " is not on the pick list of parcel " + shipmentNo
            + " of " + orderNumber));
    if (line.serialized() && serial == null) {
      throw new InvalidRequestException("serialNumber",
          line.sku() + " (" + line.productName() + ") is serialized: scan its serial number too");
    }
    if (!line.serialized() && serial != null) {
      throw new InvalidRequestException("serialNumber",
          line.sku() + " (" + line.productName() + ") has no serial numbers; scan the barcode only");
    }
    List<Unit> units = scannedOf(sku);
    if (serial != null) {
      Optional<Unit> same = units.stream().filter(u -> serial.equals(u.serialNumber())).findFirst();
      if (same.isPresent()) {
        return new Outcome.AlreadyScanned(same.get());
      }
    }
    if (units.size() >= line.quantity()) {
      throw new ConflictException("All " + line.quantity() + " unit(s) of " + sku + " on the pick list of parcel "
          + shipmentNo + " of " + orderNumber + " are already scanned");
    }
    int next = units.stream().mapToInt(Unit::unitNo).max().orElse(0) + 1;
    return new Outcome.NewUnit(new Unit(sku, next, serial));
  }

  int missingUnits() {
    return lines.stream().mapToInt(l -> Math.max(0, l.quantity() - scannedOf(l.sku()).size())).sum();
  }

  boolean complete() {
    return missingUnits() == 0;
  }

  /** @throws ConflictException naming every unit still to scan ("2 unit(s) not scanned yet: 1 x YOGA-MAT (F-03-3), …") */
  void requireComplete() {
    if (complete()) {
      return;
    }
    String missing = lines.stream()
        .filter(l -> scannedOf(l.sku()).size() < l.quantity())
        .map(l -> (l.quantity() - scannedOf(l.sku()).size()) + " x " + l.sku()
            + (l.binLocation() == null ? "" : " (" + l.binLocation() + ")"))
        .collect(Collectors.joining(", "));
    throw new ConflictException(missingUnits() + " unit(s) not scanned yet: " + missing + " (parcel " + shipmentNo
        + " of " + orderNumber + ")");
  }
}
