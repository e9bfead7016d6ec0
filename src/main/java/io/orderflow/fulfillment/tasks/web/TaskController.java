package io.orderflow.fulfillment.tasks.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderflow.fulfillment.security.CurrentUser;
import io.orderflow.fulfillment.shared.ForbiddenException;
import io.orderflow.fulfillment.tasks.StaffTask;
import io.orderflow.fulfillment.tasks.TaskQuery;
import io.orderflow.fulfillment.tasks.TaskService;
import io.orderflow.fulfillment.tasks.TaskService.TaskDetails;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
class TaskController {

  /** The assignee is always the caller; a body naming someone else is refused. */
  record ClaimRequest(@Size(max = 100) String assignee) {}

  /** completedBy is the caller (from the principal), never taken from the body; a body naming someone else is refused. */
  record CompleteRequest(@Size(max = 100) String completedBy, @NotNull Map<String, Object> variables) {}

  record TaskDetailsView(StaffTask task, JsonNode form, Map<String, Object> variables) {}

  private final TaskService tasks;
  private final ObjectMapper json;

  TaskController(TaskService tasks, ObjectMapper json) {
    this.tasks = tasks;
    this.json = json;
  }

  @GetMapping
  List<StaffTask> search(@RequestParam(defaultValue = "CREATED") StaffTask.State state,
      @RequestParam(required = false) String candidateGroup, @RequestParam(required = false) String assignee,
      @RequestParam(required = false) Long processInstanceKey, @RequestParam(required = false) String orderId,
      @RequestParam(defaultValue = "100") int limit) {
    return tasks.search(new TaskQuery(state, candidateGroup, assignee, processInstanceKey, orderId, limit),
        CurrentUser.required());
  }

  @GetMapping("/{taskKey}")
  TaskDetailsView get(@PathVariable long taskKey) throws IOException {
    tasks.requireVisible(taskKey, CurrentUser.required());
    TaskDetails details = tasks.details(taskKey);
    return new TaskDetailsView(details.task(), details.formSchema() == null ? null : json.readTree(details.formSchema()),
        details.variables());
  }

  @PostMapping("/{taskKey}/claim")
  StaffTask claim(@PathVariable long taskKey, @Valid @RequestBody(required = false) ClaimRequest request) {
    CurrentUser user = CurrentUser.required();
    requireSelf(request == null ? null : request.assignee(), user, "claim tasks for");
    return tasks.claim(taskKey, user);
  }

  @PostMapping("/{taskKey}/unclaim")
  StaffTask unclaim(@PathVariable long taskKey) {
    return tasks.unclaim(taskKey, CurrentUser.required());
  }

  @PostMapping("/{taskKey}/complete")
  StaffTask complete(@PathVariable long taskKey, @Valid @RequestBody CompleteRequest request) {
    CurrentUser user = CurrentUser.required();
    requireSelf(request.completedBy(), user, "complete tasks on behalf of");
    return tasks.complete(taskKey, user, request.variables());
  }

  private static void requireSelf(String named, CurrentUser user, String what) {
    if (named != null && !named.isBlank() && !named.equals(user.username())) {
      throw new ForbiddenException("You (" + user.username() + ") may not " + what + " another user (" + named + ")");
    }
  }
}
