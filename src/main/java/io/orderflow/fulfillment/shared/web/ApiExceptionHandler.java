package io.orderflow.fulfillment.shared.web;

import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.ForbiddenException;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shared.NotFoundException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error is an RFC 9457 problem: a title, a detail that names the problem and, for bad input, an
 * {@code errors} list with one entry per field.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(ForbiddenException.class)
  ProblemDetail forbidden(ForbiddenException e) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
  }

  @ExceptionHandler({ConflictException.class, OptimisticLockingFailureException.class})
  ProblemDetail conflict(RuntimeException e) {
    String detail = e instanceof ConflictException ? e.getMessage() : "The resource was changed by someone else; reload and retry";
    ProblemDetail p = problem(HttpStatus.CONFLICT, "Conflict", detail);
    if (e instanceof ConflictException conflict) {
      conflict.properties().forEach(p::setProperty);
    }
    return p;
  }

  @ExceptionHandler(InvalidRequestException.class)
  ProblemDetail invalid(InvalidRequestException e) {
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    p.setProperty("errors", e.problems().stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
    return p;
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
        .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
        .sorted((a, b) -> a.get("field").compareTo(b.get("field")))
        .toList();
    String detail = errors.stream().map(e -> e.get("field") + ": " + e.get("message")).reduce((a, b) -> a + "; " + b)
        .orElse("The request body is invalid");
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
    p.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(p);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String cause = ex.getMostSpecificCause().getMessage();
    // Jackson's message names the offending token and location; keep its first line only.
    String detail = "Malformed JSON request body: " + (cause == null ? "unreadable" : cause.lines().findFirst().orElse(cause));
    return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Malformed request", detail));
  }

  @ExceptionHandler(EngineUnavailableException.class)
  ProblemDetail engineUnavailable(EngineUnavailableException e) {
    log.warn("Process engine unavailable: {}", e.getMessage());
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "Process engine unavailable", e.getMessage());
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setTitle(title);
    p.setType(URI.create("about:blank"));
    return p;
  }
}
