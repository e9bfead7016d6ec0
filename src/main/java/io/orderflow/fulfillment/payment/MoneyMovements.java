package io.orderflow.fulfillment.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The money ledger: every movement of an order's money, written in the transaction of the step that caused it and
 * once per business key (what caused it: the authorization, the capture, the invoice …), so a repeated job records
 * nothing new.
 */
@Service
public class MoneyMovements {

  public enum Kind {
    /** A card authorization was approved: the amount is reserved on the card. */
    AUTHORIZED,
    /** The authorized card amount was taken. */
    CAPTURED,
    /** The authorization was released without taking anything. */
    VOIDED,
    /** Money went back to the customer: to the card, or paid out by bank transfer for a refund due. */
    REFUNDED,
    /** Money the customer paid otherwise (bank transfer, cash, invoice) is owed back; finance pays it out. */
    REFUND_DUE,
    /** A bank transfer arrived (payment before shipping, or an invoice paid). */
    RECEIVED,
    /** The courier collected cash on delivery. */
    COLLECTED,
    /** A VAT invoice was issued for a parcel. */
    INVOICED,
    /** A return was refunded as store credit (the reference is the credit's code). */
    STORE_CREDIT,
    /**
     * A return before anything was taken: the open invoice, or the later capture or cash collection, asks for that
     * much less.
     */
    REDUCED,
    /** A VAT credit note corrected an invoice for returned goods (the amount is the credit note's gross, positive). */
    CREDIT_NOTE
  }

  public record Movement(String orderId, Kind kind, BigDecimal amount, String currency, String reference,
      Instant occurredAt) {}

  private final MoneyMovementRepository movements;
  private final Clock clock;

  MoneyMovements(MoneyMovementRepository movements, Clock clock) {
    this.movements = movements;
    this.clock = clock;
  }

  /**
   * Records the movement unless one with this business key is recorded already; joins the caller's transaction.
   *
   * @param businessKey what caused it, unique across the ledger (e.g. {@code CAPTURED:<order id>})
   * @return whether it was recorded now
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean record(String orderId, Kind kind, BigDecimal amount, String currency, String reference,
      String businessKey) {
    if (movements.existsByBusinessKey(businessKey)) {
      return false;
    }
    movements.saveAndFlush(new MoneyMovement(orderId, kind, amount.setScale(2, RoundingMode.HALF_UP), currency, reference,
        businessKey, clock.instant()));
    return true;
  }

  /** The order's movements in the order they happened. */
  @Transactional(readOnly = true)
  public List<Movement> ofOrder(String orderId) {
    return movements.findByOrderIdOrderById(orderId).stream()
        .map(m -> new Movement(m.orderId(), m.kind(), m.amount(), m.currency(), m.reference(), m.occurredAt()))
        .toList();
  }
}
