package io.orderflow.fulfillment.tasks.web;

import io.orderflow.fulfillment.security.CurrentUser;
import io.orderflow.fulfillment.tasks.TaskService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every route under {@code /api/tasks/{taskKey}} (the task, claim, complete, and the warehouse's pick list and scans)
 * answers 404 for a task the caller may not see: another department's, or another warehouse's.
 */
@Configuration
class TaskVisibility implements WebMvcConfigurer, HandlerInterceptor {

  private final TaskService tasks;

  TaskVisibility(TaskService tasks) {
    this.tasks = tasks;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/tasks/*", "/api/tasks/*/**");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    @SuppressWarnings("unchecked")
    Map<String, String> variables = (Map<String, String>) request.getAttribute(
        HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    String key = variables == null ? null : variables.get("taskKey");
    if (key != null && key.matches("\\d{1,18}")) {
      tasks.requireVisible(Long.parseLong(key), CurrentUser.required());
    }
    return true;
  }
}
