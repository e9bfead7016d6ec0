package io.orderflow.fulfillment.replenishment.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.annotation.JobWorker;
import io.orderflow.fulfillment.process.ReplenishmentProcess.JobTypes;
import io.orderflow.fulfillment.replenishment.ReplenishmentAssessment;
import io.orderflow.fulfillment.replenishment.ReplenishmentAssessment.Assessment;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The assess-replenishment step")
class AssessReplenishmentWorkerTest {

  private final ReplenishmentAssessment assessment = mock(ReplenishmentAssessment.class);
  private final AssessReplenishmentWorker worker = new AssessReplenishmentWorker(assessment);

  @Test
  @DisplayName("a need with a transfer candidate: the decision's inputs and the warehouse for its tasks")
  void neededWithCandidate() {
    // given
    when(assessment.assess("YOGA-MAT", "warsaw")).thenReturn(new Assessment("YOGA-MAT", "warsaw", true, 10, 1, 5,
        "sofia", 4, new BigDecimal("1073.9"), "below the reorder point; nearest surplus in sofia"));

    // when
    Map<String, Object> variables = worker.assessReplenishment("YOGA-MAT", "warsaw");

    // then
    assertThat(variables).containsExactlyInAnyOrderEntriesOf(Map.of("needed", true, "neededQuantity", 10,
        "available", 1, "reorderPoint", 5, "warehouseCode", "warsaw", "transferSourceWarehouseId", "sofia",
        "transferableQuantity", 4, "transferDistanceKm", new BigDecimal("1073.9")));
  }

  @Test
  @DisplayName("nothing needed, no policy: the candidate's variables and the reorder point are set to null, not left out")
  void notNeeded() {
    // given
    when(assessment.assess("YOGA-MAT", "warsaw")).thenReturn(new Assessment("YOGA-MAT", "warsaw", false, 0, 3, null,
        null, 0, null, "no reorder policy"));

    // when
    Map<String, Object> variables = worker.assessReplenishment("YOGA-MAT", "warsaw");

    // then
    Map<String, Object> expected = new HashMap<>();
    expected.put("needed", false);
    expected.put("neededQuantity", 0);
    expected.put("available", 3);
    expected.put("reorderPoint", null);
    expected.put("warehouseCode", "warsaw");
    expected.put("transferSourceWarehouseId", null);
    expected.put("transferableQuantity", 0);
    expected.put("transferDistanceKm", null);
    assertThat(variables).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  @DisplayName("subscribes to the job type the process model uses")
  void jobType() throws NoSuchMethodException {
    JobWorker annotation = AssessReplenishmentWorker.class.getMethod("assessReplenishment", String.class,
        String.class).getAnnotation(JobWorker.class);
    assertThat(annotation.type()).isEqualTo(JobTypes.ASSESS_REPLENISHMENT);
  }
}
