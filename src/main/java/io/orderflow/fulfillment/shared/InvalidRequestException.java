package io.orderflow.fulfillment.shared;

import java.util.List;

/** The request names something that does not fit (unknown SKU, missing form field): 400 with the fields named. */
public class InvalidRequestException extends RuntimeException {

  public record FieldProblem(String field, String message) {}

  private final List<FieldProblem> problems;

  public InvalidRequestException(List<FieldProblem> problems) {
    super(problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b).orElse("invalid request"));
    this.problems = List.copyOf(problems);
  }

  public InvalidRequestException(String field, String message) {
    this(List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
