package io.orderflow.fulfillment.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderflow.fulfillment.security.CurrentUser;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shared.InvalidRequestException.FieldProblem;
import io.orderflow.fulfillment.shared.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Completing and claiming staff tasks")
class TaskServiceTest {

  private final StaffTaskPort port = mock(StaffTaskPort.class);
  private final TaskCompletionGuard guard = mock(TaskCompletionGuard.class);
  private final TaskService service = new TaskService(port, new ObjectMapper(), List.of(guard));

  private static StaffTask task(String formId, String assignee, StaffTask.State state) {
    return new StaffTask(7L, "Pack order", "UserTask_PackOrder", "order-fulfillment", 1L, formId,
        List.of("warehouse"), List.of(), assignee, state, null, Instant.EPOCH, null, null, "order-1");
  }

  @Test
  @DisplayName("checks the form's fields on the server and names each problem under variables.*")
  void formFieldsAreChecked() throws Exception {
    // given
    when(port.find(7L)).thenReturn(Optional.of(task("pack-order", null, StaffTask.State.CREATED)));
    when(port.form(7L)).thenReturn(Optional.of(Files.readString(Path.of("forms/pack-order.form"))));

    // when / then
    assertThatThrownBy(() -> service.complete(7L, "lucia", Map.of("packageType", "CRATE", "orderId", "other")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
            .extracting(FieldProblem::field)
            .containsExactlyInAnyOrder("variables.orderId", "variables.packageType", "variables.parcelWeightKg",
                "variables.lengthCm", "variables.widthCm", "variables.heightCm"));
    verify(port, never()).complete(anyLong(), any(), anyMap());
  }

  @Test
  @DisplayName("passes a valid completion to the runtime")
  void validCompletion() throws Exception {
    // given
    when(port.find(7L)).thenReturn(Optional.of(task("pack-order", "lucia", StaffTask.State.CREATED)));
    when(port.form(7L)).thenReturn(Optional.of(Files.readString(Path.of("forms/pack-order.form"))));
    Map<String, Object> values = Map.of("packageType", "SMALL_BOX", "parcelWeightKg", 0.8, "lengthCm", 25,
        "widthCm", 18, "heightCm", 9);

    // when
    service.complete(7L, "lucia", values);

    // then
    verify(port).complete(7L, "lucia", completedBy("lucia", values));
  }

  /** What the runtime gets for a completion: the submitted values and who completed the task. */
  private static Map<String, Object> completedBy(String user, Map<String, Object> values) {
    Map<String, Object> handed = new java.util.HashMap<>(values);
    handed.put("completedBy", user);
    return handed;
  }

  @Test
  @DisplayName("hands the engine who completed the task (completedBy), which neither the form check nor a guard sees")
  void completedByGoesToTheEngineOnly() throws Exception {
    // given a form without a completedBy field, and a guard
    StaffTask pack = task("pack-order", null, StaffTask.State.CREATED);
    when(port.find(7L)).thenReturn(Optional.of(pack));
    when(port.form(7L)).thenReturn(Optional.of(Files.readString(Path.of("forms/pack-order.form"))));
    when(port.variables(7L)).thenReturn(Map.of("orderId", "order-1"));
    when(guard.guards(pack)).thenReturn(true);
    Map<String, Object> values = Map.of("packageType", "SMALL_BOX", "parcelWeightKg", 0.8, "lengthCm", 25,
        "widthCm", 18, "heightCm", 9);

    // when
    service.complete(7L, "lucia", values);

    // then the form accepted the values, the guard saw only them, the engine got completedBy too
    verify(guard).checkCompletion(pack, Map.of("orderId", "order-1"), values);
    verify(port).complete(7L, "lucia", completedBy("lucia", values));
  }

  @Test
  @DisplayName("hands no completedBy when nobody is named, and a submitted completedBy is refused as no field of the form")
  void completedByCannotBeSubmitted() throws Exception {
    // given
    when(port.find(7L)).thenReturn(Optional.of(task("pack-order", null, StaffTask.State.CREATED)));
    when(port.form(7L)).thenReturn(Optional.of(Files.readString(Path.of("forms/pack-order.form"))));
    Map<String, Object> values = Map.of("packageType", "SMALL_BOX", "parcelWeightKg", 0.8, "lengthCm", 25,
        "widthCm", 18, "heightCm", 9);

    // when / then
    assertThatThrownBy(() -> service.complete(7L, "lucia", completedBy("someone-else", values)))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
            .extracting(FieldProblem::field).containsExactly("variables.completedBy"));
    service.complete(7L, (String) null, values);
    verify(port).complete(7L, null, values);
  }

  @Test
  @DisplayName("accepts no values for a task without a form, so process variables cannot be overwritten")
  void taskWithoutFormTakesNoValues() {
    // given
    when(port.find(7L)).thenReturn(Optional.of(task(null, null, StaffTask.State.CREATED)));
    when(port.form(7L)).thenReturn(Optional.empty());

    // when / then
    assertThatThrownBy(() -> service.complete(7L, "lucia", Map.of("orderId", "someone-elses-order")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.problems())
            .extracting(FieldProblem::field).containsExactly("variables.orderId"));
    service.complete(7L, "lucia", Map.of());
    verify(port).complete(7L, "lucia", Map.of("completedBy", "lucia"));
  }

  @Test
  @DisplayName("refuses a completed task, another person's claimed task and an unknown task")
  void refusals() {
    when(port.find(1L)).thenReturn(Optional.of(task("pack-order", null, StaffTask.State.COMPLETED)));
    when(port.find(2L)).thenReturn(Optional.of(task("pack-order", "pablo", StaffTask.State.CREATED)));
    when(port.find(3L)).thenReturn(Optional.empty());

    assertThatThrownBy(() -> service.complete(1L, "lucia", Map.of())).isInstanceOf(ConflictException.class)
        .hasMessageContaining("already completed");
    assertThatThrownBy(() -> service.complete(2L, "lucia", Map.of())).isInstanceOf(ConflictException.class)
        .hasMessageContaining("claimed by pablo");
    assertThatThrownBy(() -> service.claim(2L, "lucia")).isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> service.complete(3L, "lucia", Map.of())).isInstanceOf(NotFoundException.class);
    verify(port, never()).complete(anyLong(), any(), anyMap());
    verify(port, never()).assign(anyLong(), anyString());
  }

  @Test
  @DisplayName("asks the guard of the task before completing it: a refusal completes nothing, a pass is reported back")
  void completionGuard() {
    // given
    StaffTask guarded = task(null, null, StaffTask.State.CREATED); // no form: the guard is what is under test
    when(port.find(7L)).thenReturn(Optional.of(guarded));
    when(port.form(7L)).thenReturn(Optional.empty());
    when(port.variables(7L)).thenReturn(Map.of("orderId", "order-1"));
    when(guard.guards(guarded)).thenReturn(true);
    Map<String, Object> values = Map.of();
    org.mockito.Mockito.doThrow(new ConflictException("2 unit(s) not scanned yet")).when(guard)
        .checkCompletion(guarded, Map.of("orderId", "order-1"), values);

    // when / then
    assertThatThrownBy(() -> service.complete(7L, "lucia", values)).isInstanceOf(ConflictException.class)
        .hasMessageContaining("not scanned yet");
    verify(port, never()).complete(anyLong(), any(), anyMap());

    // when the guard lets it pass
    org.mockito.Mockito.reset(guard);
    when(guard.guards(guarded)).thenReturn(true);
    when(port.complete(7L, "lucia", completedBy("lucia", values))).thenReturn(task(null, null, StaffTask.State.COMPLETED));
    service.complete(7L, "lucia", values);

    // then
    verify(port).complete(7L, "lucia", completedBy("lucia", values));
    verify(guard).completed(any(), org.mockito.ArgumentMatchers.eq(Map.of("orderId", "order-1")));
  }

  private static final CurrentUser PICKER_MADRID = new CurrentUser("picker.madrid", "javier@example.com",
      java.util.Set.of("warehouse"), java.util.Set.of("madrid"));
  private static final CurrentUser PICKER_WARSAW = new CurrentUser("picker.warsaw", "kasia@example.com",
      java.util.Set.of("warehouse"), java.util.Set.of("warsaw"));
  private static final CurrentUser FINANCE = new CurrentUser("finance.clerk", "marta@example.com",
      java.util.Set.of("finance"), java.util.Set.of());
  private static final CurrentUser OPS = new CurrentUser("ops.viewer", "tomasz@example.com", java.util.Set.of("ops"),
      java.util.Set.of());

  @Test
  @DisplayName("shows a warehouse task to the staff of its warehouse only, another department's to nobody but ops")
  void visibilityFollowsRolesAndWarehouses() {
    // given
    StaffTask pack = task("pack-order", null, StaffTask.State.CREATED);
    when(port.variables(7L)).thenReturn(Map.of("warehouseCode", "madrid"));

    // then
    assertThat(service.visible(pack, PICKER_MADRID)).isTrue();
    assertThat(service.visible(pack, PICKER_WARSAW)).isFalse();
    assertThat(service.visible(pack, FINANCE)).isFalse();
    assertThat(service.visible(pack, OPS)).isTrue();
  }

  @Test
  @DisplayName("completes as the signed-in user, and refuses a task someone else claimed with 409")
  void completionIsTheCallers() throws Exception {
    // given
    when(port.find(7L)).thenReturn(Optional.of(task(null, "picker.warsaw.old", StaffTask.State.CREATED)));
    when(port.variables(7L)).thenReturn(Map.of("warehouseCode", "madrid"));

    // then
    assertThatThrownBy(() -> service.complete(7L, PICKER_MADRID, Map.of()))
        .isInstanceOf(ConflictException.class).hasMessageContaining("claimed by picker.warsaw.old");
    assertThatThrownBy(() -> service.complete(7L, PICKER_WARSAW, Map.of())).isInstanceOf(NotFoundException.class);

    // when unclaimed
    when(port.find(7L)).thenReturn(Optional.of(task(null, null, StaffTask.State.CREATED)));
    service.complete(7L, PICKER_MADRID, Map.of());

    // then
    verify(port).complete(7L, "picker.madrid", Map.of("completedBy", "picker.madrid"));
  }
}
