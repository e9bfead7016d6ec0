package io.orderflow.fulfillment.order;

import java.util.List;

/**
 * Gives stock that is in the warehouses now to the backorder orders waiting for a SKU, oldest first. The replenishment
 * module implements it (it depends on the order module, so the order module only knows this port); a backorder order
 * just placed asks it for its SKUs, since goods may have arrived meanwhile.
 */
public interface WaitingOrderResumption {

  /** @return the numbers of the orders that got their stock now (none when nothing could be allocated) */
  List<String> resume(String sku);
}
