package io.orderflow.fulfillment.process;

import java.util.List;

/** Read side of the engine: where a process instance stands now. Embedded and cluster runtimes each implement it. */
public interface ProcessState {

  enum InstanceStatus { ACTIVE, COMPLETED, TERMINATED, UNKNOWN }

  record ActiveElement(String elementId, String name, String type) {}

  record Incident(String elementId, String errorType, String message) {}

  record InstanceView(long processInstanceKey, InstanceStatus status, List<ActiveElement> activeElements,
      List<Incident> incidents) {

    public static InstanceView unknown(long key) {
      return new InstanceView(key, InstanceStatus.UNKNOWN, List.of(), List.of());
    }
  }

  InstanceView instance(long processInstanceKey);
}
