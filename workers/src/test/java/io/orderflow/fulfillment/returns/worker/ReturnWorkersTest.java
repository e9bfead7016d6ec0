package io.orderflow.fulfillment.returns.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.camunda.client.api.response.ActivatedJob;
import io.orderflow.fulfillment.returns.ReturnHandling;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The return workers")
class ReturnWorkersTest {

  final ReturnHandling handling = mock(ReturnHandling.class);

  @Test
  @DisplayName("record-return-eligibility binds the decision list (numbers as the engine sends them) and answers eligibility, the same on a repeat")
  void eligibility() {
    List<ReturnHandling.LineDecision> decisions = List.of(new ReturnHandling.LineDecision(1, "APPROVE", "window"));
    when(handling.recordEligibility("ret-1", decisions)).thenReturn("APPROVED");
    RecordReturnEligibilityWorker worker = new RecordReturnEligibilityWorker(handling);
    List<Map<String, Object>> input = List.of(Map.of("lineNo", 1L, "decision", "APPROVE", "explanation", "window"));

    assertThat(worker.recordEligibility("ret-1", input)).containsExactly(Map.entry("eligibility", "APPROVED"));
    assertThat(worker.recordEligibility("ret-1", input)).containsExactly(Map.entry("eligibility", "APPROVED"));
    verify(handling, times(2)).recordEligibility("ret-1", decisions);
  }

  @Test
  @DisplayName("refund-return answers the route, amount and currency")
  void refund() {
    when(handling.refund("ret-1")).thenReturn(new ReturnHandling.RefundResult(ReturnHandling.RefundRoute.BANK_PAYOUT,
        new BigDecimal("15.95"), "EUR"));
    assertThat(new RefundReturnWorker(handling).refund("ret-1")).containsEntry("refundRoute", "BANK_PAYOUT")
        .containsEntry("refundAmount", new BigDecimal("15.95")).containsEntry("refundCurrency", "EUR");
  }

  @Test
  @DisplayName("record-return-inspection passes the scans and the form's lines, and answers what was received")
  void inspection() {
    when(handling.recordInspection("ret-1", "SKU-1", List.of(new ReturnHandling.InspectedLine(1, "AS_NEW", null))))
        .thenReturn(new ReturnHandling.Inspection(List.of(Map.of("lineNo", 1)), true));
    Map<String, Object> result = new RecordReturnInspectionWorker(handling).recordInspection("ret-1", "SKU-1",
        List.of(Map.of("lineNo", 1, "condition", "AS_NEW")));
    assertThat(result).containsEntry("anythingReceived", true).containsKey("receivedLines");
  }

  @Test
  @DisplayName("put-away-returned-items passes the outcome per line")
  void putAway() {
    new PutAwayReturnedItemsWorker(handling).putAway("ret-1",
        List.of(Map.of("lineNo", 2.0, "outcome", "RESTOCK", "explanation", "as new")));
    verify(handling).putAway("ret-1", List.of(new ReturnHandling.LineOutcome(2, "RESTOCK", "as new")));
  }

  @Test
  @DisplayName("notify-return-customer sends the header's topic keyed by the step's element instance")
  void notifyCustomer() {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getCustomHeaders()).thenReturn(Map.of("topic", "RETURN_APPROVED"));
    when(job.getElementInstanceKey()).thenReturn(42L);
    new NotifyReturnCustomerWorker(handling).notifyCustomer(job, "ret-1");
    verify(handling).notifyCustomer("ret-1", "RETURN_APPROVED", "42");
  }
}
