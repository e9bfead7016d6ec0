package io.orderflow.fulfillment.returns;

/** Why the goods come back; DAMAGED, DEFECTIVE and WRONG_ITEM are the shop's fault. */
public enum ReturnReason {
  CHANGED_MIND, WRONG_SIZE, DAMAGED, DEFECTIVE, WRONG_ITEM;

  /** The shop's fault: the shipping is refunded, no return-label fee is charged, a complaint may be filed. */
  public boolean shopFault() {
    return this == DAMAGED || this == DEFECTIVE || this == WRONG_ITEM;
  }
}
