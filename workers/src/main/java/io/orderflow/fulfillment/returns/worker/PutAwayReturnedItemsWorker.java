package io.orderflow.fulfillment.returns.worker;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.orderflow.fulfillment.process.ReturnProcess.JobTypes;
import io.orderflow.fulfillment.returns.ReturnHandling;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Applies the outcome per line to the stock (RESTOCK, REFURBISH, SCRAP). */
@Component
public class PutAwayReturnedItemsWorker {

  private final ReturnHandling handling;

  public PutAwayReturnedItemsWorker(ReturnHandling handling) {
    this.handling = handling;
  }

  @JobWorker(type = JobTypes.PUT_AWAY_RETURNED_ITEMS)
  public void putAway(@Variable String returnId, @Variable List<Map<String, Object>> lineOutcomes) {
    handling.putAway(returnId, lineOutcomes.stream()
        .map(o -> new ReturnHandling.LineOutcome(Binding.integer(o.get("lineNo")), Binding.text(o.get("outcome")),
            Binding.text(o.get("explanation")))).toList());
  }
}
