package io.orderflow.fulfillment.returns.worker;

/** Reading the values of a decision's result list (numbers may come as long, double or text). */
final class Binding {

  static int integer(Object value) {
    if (value instanceof Number n) {
      return n.intValue();
    }
    if (value == null) {
      throw new IllegalArgumentException("lineNo is missing");
    }
    return Integer.parseInt(value.toString().strip());
  }

  static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private Binding() {}
}
