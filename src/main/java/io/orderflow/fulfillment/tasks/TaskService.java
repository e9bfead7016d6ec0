package io.orderflow.fulfillment.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shared.InvalidRequestException.FieldProblem;
import io.orderflow.fulfillment.shared.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Staff work: search, claim, read with form and variables, complete with the form's fields checked on the server and
 * the {@link TaskCompletionGuard}s of other features consulted.
 */
@Service
public class TaskService {

  private static final Logger log = LoggerFactory.getLogger(TaskService.class);

  public record TaskDetails(StaffTask task, String formSchema, Map<String, Object> variables) {}

  private final StaffTaskPort port;
  private final ObjectMapper json;
  private final List<TaskCompletionGuard> guards;

  TaskService(StaffTaskPort port, ObjectMapper json, List<TaskCompletionGuard> guards) {
    this.port = port;
    this.json = json;
    this.guards = List.copyOf(guards);
  }

  public List<StaffTask> search(TaskQuery query) {
    return port.search(query);
  }

  public TaskDetails details(long taskKey) {
    StaffTask task = load(taskKey);
    return new TaskDetails(task, port.form(taskKey).orElse(null), port.variables(taskKey));
  }

  public StaffTask claim(long taskKey, String assignee) {
    StaffTask task = load(taskKey);
    if (!task.open()) {
      throw new ConflictException("Task " + taskKey + " is " + task.state() + " and cannot be claimed");
    }
    if (task.assignee() != null && !task.assignee().equals(assignee)) {
      throw new ConflictException("Task " + taskKey + " is already claimed by " + task.assignee());
    }
    return port.assign(taskKey, assignee);
  }

  public StaffTask unclaim(long taskKey) {
    load(taskKey);
    return port.unassign(taskKey);
  }

  public StaffTask complete(long taskKey, String completedBy, Map<String, Object> variables) {
    StaffTask task = load(taskKey);
    if (!task.open()) {
      throw new ConflictException("Task " + taskKey + " is already " + task.state().name().toLowerCase());
    }
    if (task.assignee() != null && completedBy != null && !task.assignee().equals(completedBy)) {
      throw new ConflictException("Task " + taskKey + " is claimed by " + task.assignee() + ", not " + completedBy);
    }
    Optional<String> form = port.form(taskKey);
    List<FieldProblem> problems = form.isPresent()
        ? schema(form.get()).validate(variables)
        : variables.keySet().stream().map(k -> new FieldProblem(k, "this task has no form, so it takes no values")).toList();
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems.stream()
          .map(p -> new FieldProblem("variables." + p.field(), p.message())).toList());
    }
    List<TaskCompletionGuard> concerned = guards.stream().filter(g -> g.guards(task)).toList();
    Map<String, Object> taskVariables = concerned.isEmpty() ? Map.of() : port.variables(taskKey);
    concerned.forEach(g -> g.checkCompletion(task, taskVariables));
    StaffTask completed = port.complete(taskKey, completedBy, variables);
    concerned.forEach(g -> g.completed(completed, taskVariables));
    log.info("Task {} ({}) of process instance {} completed by {}", taskKey, task.elementId(), task.processInstanceKey(),
        completedBy);
    return completed;
  }

  private FormSchema schema(String formJson) {
    try {
      return FormSchema.parse(json.readTree(formJson));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Linked form is not valid JSON", e);
    }
  }

  private StaffTask load(long taskKey) {
    return port.find(taskKey).orElseThrow(() -> new NotFoundException("Task", taskKey));
  }
}
