package io.orderflow.fulfillment.replenishment.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.process.ReplenishmentProcess.JobTypes;
import io.orderflow.fulfillment.replenishment.Replenishment;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Before each goods receipt: the receipt form's lines (one per line still open, the counts empty), an empty delivery
 * note, lastDelivery false, and expectedDeliveryAt (the end of the expected date, when the supplier is reminded).
 *
 * <p>The delivery note is reset to an empty text, not null: the app's JSON mapper leaves null values out
 * ({@code spring.jackson.default-property-inclusion: non_null}), so a null would keep the previous delivery's note in
 * the process and in the next form. For the same reason the null counts of a line arrive as absent fields.
 */
@Component
public class PrepareGoodsReceiptWorker {

  private final Replenishment replenishment;

  public PrepareGoodsReceiptWorker(Replenishment replenishment) {
    this.replenishment = replenishment;
  }

  @JobWorker(type = JobTypes.PREPARE_GOODS_RECEIPT)
  public Map<String, Object> prepareGoodsReceipt(@Variable String poId) {
    Replenishment.ExpectedDelivery expected = replenishment.expectedDelivery(poId);
    List<Map<String, Object>> lines = expected.lines().stream().map(l -> {
      Map<String, Object> line = new HashMap<>();
      line.put("lineNo", l.lineNo());
      line.put("sku", l.sku());
      line.put("productName", l.productName());
      line.put("openQuantity", l.openQuantity());
      line.put("receivedQuantity", null);
      line.put("damagedQuantity", 0);
      line.put("lotOrSerials", null);
      return line;
    }).toList();
    Map<String, Object> result = new HashMap<>();
    result.put("receivedLines", lines);
    result.put("deliveryNote", "");
    result.put("lastDelivery", false);
    result.put("expectedDeliveryAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(expected.remindAt()));
    return result;
  }
}
