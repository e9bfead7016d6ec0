package io.orderflow.fulfillment.returns;

import java.util.Map;

/** Starts the return process ({@code return}) of a stored RMA; implemented by the engine adapter. */
public interface ReturnProcessStarter {

  /**
   * @param variables the start variables of {@link io.orderflow.fulfillment.process.ReturnProcess}
   * @return the process instance key
   */
  long startReturnProcess(Map<String, Object> variables);
}
