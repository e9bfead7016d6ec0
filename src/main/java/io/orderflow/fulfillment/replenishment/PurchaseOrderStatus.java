package io.orderflow.fulfillment.replenishment;

import java.util.Set;

/**
 * DRAFT → (AWAITING_APPROVAL →) SENT → CONFIRMED / PARTIALLY_CONFIRMED / REJECTED → PARTIALLY_RECEIVED → RECEIVED;
 * CANCELLED by purchasing (refused approval, supplier silence) before any goods arrived. RECEIVED also ends an order the
 * warehouse closed short (the supplier's last delivery left units missing; its history says CLOSED_SHORT).
 */
public enum PurchaseOrderStatus {
  DRAFT, AWAITING_APPROVAL, SENT, CONFIRMED, PARTIALLY_CONFIRMED, REJECTED, PARTIALLY_RECEIVED, RECEIVED, CANCELLED;

  /** Nothing more happens to a purchase order in these. */
  public boolean closed() {
    return this == RECEIVED || this == CANCELLED || this == REJECTED;
  }

  /** Goods may arrive: sent (unconfirmed lines count with their ordered quantity), confirmed, or partly received. */
  boolean receivable() {
    return Set.of(SENT, CONFIRMED, PARTIALLY_CONFIRMED, PARTIALLY_RECEIVED).contains(this);
  }

  boolean cancellable() {
    return Set.of(DRAFT, AWAITING_APPROVAL, SENT, CONFIRMED, PARTIALLY_CONFIRMED).contains(this);
  }
}
