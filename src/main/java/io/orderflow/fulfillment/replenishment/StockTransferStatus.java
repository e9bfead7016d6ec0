package io.orderflow.fulfillment.replenishment;

/** IN_TRANSIT: the goods left the source warehouse. RECEIVED: the destination counted them; nothing more happens. */
public enum StockTransferStatus { IN_TRANSIT, RECEIVED }
