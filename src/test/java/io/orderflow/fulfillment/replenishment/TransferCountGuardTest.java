package io.orderflow.fulfillment.replenishment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shared.InvalidRequestException.FieldProblem;
import io.orderflow.fulfillment.shared.numbering.GapFreeNumbers;
import io.orderflow.fulfillment.tasks.StaffTask;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;

@DisplayName("Completing the receive-transfer task")
class TransferCountGuardTest {

  final Inventory inventory = mock(Inventory.class);
  final TransferCountGuard guard = new TransferCountGuard(new Transfers(mock(StockTransferRepository.class),
      new TransferSources(mock(ReorderPolicyRepository.class), inventory), mock(GapFreeNumbers.class), inventory,
      mock(PlatformTransactionManager.class), Clock.systemUTC()));

  static StaffTask task(String elementId, String formId) {
    return new StaffTask(7L, "Receive transfer", elementId, "replenishment", 1L, formId, List.of("warehouse"),
        List.of(), null, StaffTask.State.CREATED, null, Instant.EPOCH, null, null, "YOGA-MAT@warsaw");
  }

  static final StaffTask RECEIVE = task("UserTask_ReceiveTransfer", "receive-transfer");
  static final Map<String, Object> PROCESS = Map.of("transferId", "tr-1", "transferQuantity", 4);

  static Map<String, Object> count(Object received, Object damaged) {
    Map<String, Object> submitted = new HashMap<>();
    submitted.put("transferReceivedQuantity", received);
    submitted.put("transferDamagedQuantity", damaged);
    return submitted;
  }

  @Test
  @DisplayName("guards the receive-transfer task only")
  void guardsReceiveTransfer() {
    assertThat(guard.guards(RECEIVE)).isTrue();
    assertThat(guard.guards(task("UserTask_ReceiveGoods", "receive-goods"))).isFalse();
  }

  @Test
  @DisplayName("a possible count passes: fewer than sent, some damaged, or numbers as 3.0 or \"3\"")
  void possibleCount() {
    assertThatCode(() -> guard.checkCompletion(RECEIVE, PROCESS, count(3, 1))).doesNotThrowAnyException();
    assertThatCode(() -> guard.checkCompletion(RECEIVE, PROCESS, count(3.0, "0"))).doesNotThrowAnyException();
    assertThatCode(() -> guard.checkCompletion(RECEIVE, PROCESS, count(4, null))).doesNotThrowAnyException();
  }

  @Test
  @DisplayName("more damaged than received, no received quantity, or a fraction of a unit: 400 naming the form field")
  void impossibleCount() {
    assertThatThrownBy(() -> guard.checkCompletion(RECEIVE, PROCESS, count(2, 3)))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
            .extracting(FieldProblem::field).containsExactly("transferDamagedQuantity"));
    assertThatThrownBy(() -> guard.checkCompletion(RECEIVE, PROCESS, count(null, 0)))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
            .extracting(FieldProblem::field).containsExactly("transferReceivedQuantity"));
    assertThatThrownBy(() -> guard.checkCompletion(RECEIVE, PROCESS, count(2.5, 0)))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
            .extracting(FieldProblem::field).containsExactly("transferReceivedQuantity"));
  }
}
