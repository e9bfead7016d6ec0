package io.orderflow.fulfillment.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderflow.fulfillment.process.ReplenishmentProcess;
import io.orderflow.fulfillment.security.CurrentUser;
import io.orderflow.fulfillment.security.Roles;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shared.InvalidRequestException.FieldProblem;
import io.orderflow.fulfillment.shared.NotFoundException;
import java.util.LinkedHashMap;
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

  /**
   * The tasks the user may see: those whose candidate groups include one of the user's roles (warehouse tasks only
   * for the warehouses the user works for, from the task's {@code warehouseCode}), those assigned to or offered to the
   * user by name, and for {@code ops} every task (read-only). The store is searched for up to
   * {@value #VISIBILITY_WINDOW} tasks, then filtered and cut to the query's limit.
   */
  public List<StaffTask> search(TaskQuery query, CurrentUser user) {
    TaskQuery wide = new TaskQuery(query.state(), query.candidateGroup(), query.assignee(), query.processInstanceKey(),
        query.businessKey(), Math.max(query.limit(), VISIBILITY_WINDOW));
    return port.search(wide).stream().filter(t -> visible(t, user)).limit(Math.max(query.limit(), 0)).toList();
  }

  static final int VISIBILITY_WINDOW = 1000;

  /**
   * Open tasks whose due date has passed ({@code now}), the longest overdue first, at most {@code limit}: for ops,
   * who see every task. Searched in the same window of {@value #VISIBILITY_WINDOW} tasks.
   */
  public List<StaffTask> overdue(java.time.Instant now, int limit) {
    return port.search(TaskQuery.overdue(now, VISIBILITY_WINDOW)).stream()
        .filter(t -> t.open() && t.dueDate() != null && t.dueDate().isBefore(now))
        .sorted(java.util.Comparator.comparing(StaffTask::dueDate).thenComparingLong(StaffTask::key))
        .limit(Math.max(limit, 0)).toList();
  }

  /** The task, if the user may see it; another department's or warehouse's task answers 404 like an unknown one. */
  public StaffTask requireVisible(long taskKey, CurrentUser user) {
    StaffTask task = load(taskKey);
    if (!visible(task, user)) {
      throw new NotFoundException("Task", taskKey);
    }
    return task;
  }

  boolean visible(StaffTask task, CurrentUser user) {
    if (user.hasRole(Roles.OPS) || user.username().equals(task.assignee())
        || (task.candidateUsers() != null && task.candidateUsers().contains(user.username()))) {
      return true;
    }
    List<String> groups = task.candidateGroups() == null ? List.of() : task.candidateGroups();
    boolean warehouseTask = groups.contains(Roles.WAREHOUSE);
    boolean warehouseStaff = user.hasAnyRole(Roles.WAREHOUSE, Roles.WAREHOUSE_SUPERVISOR);
    boolean byRole = groups.stream().anyMatch(user::hasRole) || (warehouseTask && warehouseStaff);
    if (!byRole) {
      return false;
    }
    if (warehouseTask && warehouseStaff && groups.stream().filter(g -> !g.equals(Roles.WAREHOUSE)).noneMatch(user::hasRole)) {
      Object warehouse = port.variables(task.key()).get(WAREHOUSE_CODE);
      return warehouse != null && user.worksIn(warehouse.toString());
    }
    return true;
  }

  /** The process variable that names the warehouse of a warehouse task. */
  static final String WAREHOUSE_CODE = "warehouseCode";

  /** Claims the task for the caller; 409 when someone else has it. */
  public StaffTask claim(long taskKey, CurrentUser user) {
    requireVisible(taskKey, user);
    return claim(taskKey, user.username());
  }

  /** Gives the task back; the caller's own, or (warehouse supervisor) any of their warehouse's; 409 otherwise. */
  public StaffTask unclaim(long taskKey, CurrentUser user) {
    StaffTask task = requireVisible(taskKey, user);
    if (task.assignee() != null && !task.assignee().equals(user.username())
        && !user.hasRole(Roles.WAREHOUSE_SUPERVISOR)) {
      throw new ConflictException("Task " + taskKey + " is claimed by " + task.assignee() + "; only they can give it back");
    }
    return unclaim(taskKey);
  }

  /** Completes the task as the caller: completedBy is the caller's user name; 409 when someone else claimed it. */
  public StaffTask complete(long taskKey, CurrentUser user, Map<String, Object> variables) {
    StaffTask task = requireVisible(taskKey, user);
    if (task.open() && task.assignee() != null && !task.assignee().equals(user.username())) {
      throw new ConflictException("Task " + taskKey + " is claimed by " + task.assignee() + ", not " + user.username());
    }
    return complete(taskKey, user.username(), variables);
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

  /**
   * Completes the task with the form's values, checked against its form and the guards first. The engine also gets
   * the variable {@code completedBy} (the user who completed it), so the step after a form can record who decided or
   * counted; the form's check and the guards see only what was submitted.
   */
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
    Map<String, Object> submitted = variables == null ? Map.of() : variables;
    concerned.forEach(g -> g.checkCompletion(task, taskVariables, submitted));
    StaffTask completed = port.complete(taskKey, completedBy, withCompletedBy(submitted, completedBy));
    concerned.forEach(g -> g.completed(completed, taskVariables));
    log.info("Task {} ({}) of process instance {} completed by {}", taskKey, task.elementId(), task.processInstanceKey(),
        completedBy);
    return completed;
  }

  /** What the engine gets: the submitted values and, when known, who completed the task. */
  private static Map<String, Object> withCompletedBy(Map<String, Object> submitted, String completedBy) {
    if (completedBy == null) {
      return submitted;
    }
    Map<String, Object> handed = new LinkedHashMap<>(submitted);
    handed.put(ReplenishmentProcess.Variables.COMPLETED_BY, completedBy);
    return handed;
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
