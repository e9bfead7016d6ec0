package io.orderflow.fulfillment.replenishment;

import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.shared.NotFoundException;
import io.orderflow.fulfillment.shared.numbering.GapFreeNumbers;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stock transfers between warehouses: a warehouse below its reorder point gets units from another warehouse's surplus
 * instead of a purchase. Ordering one takes the units off the source's stock at once (TRANSFER_OUT: in transit, no
 * longer available there); the destination's count puts the good units on hand there (TRANSFER_IN). One open transfer
 * per SKU and destination (a unique key on the open transfer); every method the process calls may be repeated.
 */
@Service
public class Transfers {

  private static final Logger log = LoggerFactory.getLogger(Transfers.class);
  /** Transfer numbers: {@code TR-2026-000123}, gap-free per year. */
  static final String TR_SERIES = "TR";
  static final int MAX_ATTEMPTS = 3;

  /**
   * A transfer and, once the destination counted it, the count: received, damaged, accepted onto stock (the good units,
   * at most the quantity sent), short and over.
   *
   * @param discrepancies {@code DAMAGED n}, {@code SHORT n}, {@code OVER n}
   */
  public record TransferView(String id, String number, String sku, String fromWarehouseId, String toWarehouseId,
      int quantity, StockTransferStatus status, Integer receivedQuantity, Integer damagedQuantity,
      Integer acceptedQuantity, Integer shortQuantity, Integer overQuantity, List<String> discrepancies, String notes,
      String receivedBy, Instant createdAt, Instant receivedAt) {

    /** The transfer leaves from or goes to this warehouse. */
    public boolean involves(String warehouseId) {
      return fromWarehouseId.equals(warehouseId) || toWarehouseId.equals(warehouseId);
    }
  }

  private final StockTransferRepository transfers;
  private final TransferSources sources;
  private final GapFreeNumbers numbering;
  private final Inventory inventory;
  private final TransactionTemplate tx;
  private final Clock clock;

  Transfers(StockTransferRepository transfers, TransferSources sources, GapFreeNumbers numbering, Inventory inventory,
      PlatformTransactionManager txManager, Clock clock) {
    this.transfers = transfers;
    this.sources = sources;
    this.numbering = numbering;
    this.inventory = inventory;
    this.tx = new TransactionTemplate(txManager);
    this.clock = clock;
  }

  /**
   * Sends min(needed, the source's surplus now) units of the SKU from the source to the destination: a numbered
   * transfer, and the units off the source's hand with a TRANSFER_OUT movement (reference {@code TR-…/OUT}), in one
   * transaction. The surplus is checked again here and the stock update is conditional on it, so units sold or reserved
   * since the assessment are never sent. While a transfer of the SKU to the destination is open, that one is returned
   * instead.
   *
   * @throws TransferNotPossibleException when the source has no surplus left
   */
  public TransferView order(String sku, String toWarehouseId, String fromWarehouseId, int neededQuantity) {
    if (sku == null || toWarehouseId == null || fromWarehouseId == null || neededQuantity <= 0
        || fromWarehouseId.equals(toWarehouseId)) {
      throw new IllegalArgumentException("A transfer names a SKU, two different warehouses and a positive quantity: "
          + neededQuantity + " x " + sku + " from " + fromWarehouseId + " to " + toWarehouseId);
    }
    String key = StockTransfer.openKey(sku, toWarehouseId);
    Optional<TransferView> open = openTransfer(key);
    if (open.isPresent()) {
      return open.get();
    }
    Instant now = clock.instant();
    int year = LocalDate.ofInstant(now, clock.getZone()).getYear();
    numbering.prepareYear(TR_SERIES, year);
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      try {
        TransferView ordered = tx.execute(s -> {
          int keep = sources.keepAvailable(sku, fromWarehouseId);
          int quantity = Math.min(neededQuantity, sources.surplus(sku, fromWarehouseId));
          if (quantity <= 0) {
            throw new TransferNotPossibleException(sku, fromWarehouseId, toWarehouseId);
          }
          String number = GapFreeNumbers.format(TR_SERIES, year, numbering.next(TR_SERIES, year));
          TransferView view = view(transfers.saveAndFlush(
              new StockTransfer(UUID.randomUUID().toString(), number, sku, fromWarehouseId, toWarehouseId, quantity,
                  now)));
          // Stock last: the inventory's updates clear the persistence context, the transfer is written by now.
          if (!inventory.sendOnTransfer(number + "/OUT", fromWarehouseId, sku, quantity, keep)) {
            throw new SurplusTakenException();
          }
          return view;
        });
        log.info("Transfer {} ordered: {} x {} from {} to {} (needed {})", ordered.number(), ordered.quantity(), sku,
            fromWarehouseId, toWarehouseId, neededQuantity);
        return ordered;
      } catch (SurplusTakenException taken) {
        log.debug("Surplus of {} in {} changed while ordering a transfer, checking again", sku, fromWarehouseId);
      } catch (DataIntegrityViolationException concurrent) {
        // Another order for the same SKU and destination won: its transfer stands.
        return openTransfer(key).orElseThrow(() -> concurrent);
      }
    }
    // Not a business outcome: the job fails and Zeebe retries it with fresh stock figures.
    throw new IllegalStateException("Stock of " + sku + " in " + fromWarehouseId + " kept changing during "
        + MAX_ATTEMPTS + " transfer attempts");
  }

  /**
   * The destination counted the transfer. The good units (received − damaged, at most the quantity sent) go on hand
   * there with a TRANSFER_IN movement (reference {@code TR-…/IN}); damaged, short and over units are recorded on the
   * transfer, which closes. A transfer received before is returned unchanged.
   *
   * @param damagedQuantity null: none
   * @param by who counted (null: the system)
   */
  @Transactional
  public TransferView receive(String transferId, Integer receivedQuantity, Integer damagedQuantity, String notes,
      String by) {
    StockTransfer transfer = load(transferId);
    if (transfer.status() == StockTransferStatus.RECEIVED) {
      return view(transfer);
    }
    StockTransfer.checkCount(receivedQuantity, damagedQuantity, notes);
    if (!transfer.receive(receivedQuantity, damagedQuantity == null ? 0 : damagedQuantity, notes,
        by == null || by.isBlank() ? Replenishment.SYSTEM : by, clock.instant())) {
      return view(transfer);
    }
    TransferView received = view(transfers.saveAndFlush(transfer));
    if (received.acceptedQuantity() > 0) {
      inventory.receiveTransferred(received.number() + "/IN", received.toWarehouseId(), received.sku(),
          received.acceptedQuantity());
    }
    log.info("Transfer {} received in {}: {} of {} accepted {}", received.number(), received.toWarehouseId(),
        received.acceptedQuantity(), received.quantity(), received.discrepancies());
    return received;
  }

  /**
   * Refuses (400, naming the form field) a count of a transfer that cannot be: no received quantity, a negative one,
   * more damaged than received, notes over 1000 characters. {@link #receive} checks the same.
   */
  public void checkCount(Integer receivedQuantity, Integer damagedQuantity, String notes) {
    StockTransfer.checkCount(receivedQuantity, damagedQuantity, notes);
  }

  @Transactional(readOnly = true)
  public TransferView get(String transferId) {
    return view(load(transferId));
  }

  /** The latest transfers, newest first, optionally of one status. */
  @Transactional(readOnly = true)
  public List<TransferView> list(StockTransferStatus status, int max) {
    List<StockTransfer> found = status == null ? transfers.findAllByOrderByCreatedAtDesc(Limit.of(max))
        : transfers.findByStatusOrderByCreatedAtDesc(status, Limit.of(max));
    return found.stream().map(Transfers::view).toList();
  }

  /** The transfer of the SKU to the warehouse that is in transit, if any. */
  @Transactional(readOnly = true)
  public Optional<TransferView> openTo(String sku, String toWarehouseId) {
    return transfers.findByOpenKey(StockTransfer.openKey(sku, toWarehouseId)).map(Transfers::view);
  }

  private Optional<TransferView> openTransfer(String key) {
    return tx.execute(s -> transfers.findByOpenKey(key).map(Transfers::view));
  }

  private StockTransfer load(String transferId) {
    return transfers.findById(transferId).orElseThrow(() -> new NotFoundException("Transfer", transferId));
  }

  static TransferView view(StockTransfer t) {
    return new TransferView(t.id(), t.transferNumber(), t.sku(), t.fromWarehouseId(), t.toWarehouseId(), t.quantity(),
        t.status(), t.receivedQuantity(), t.damagedQuantity(), t.acceptedQuantity(), t.shortQuantity(),
        t.overQuantity(), t.discrepancies(), t.notes(), t.receivedBy(), t.createdAt(), t.receivedAt());
  }

  /** Thrown inside an attempt to roll it back: the source's stock changed between the check and the update. */
  static final class SurplusTakenException extends RuntimeException {
    SurplusTakenException() {
      super("surplus taken concurrently", null, false, false);
    }
  }
}
