/**
 * Operations: what ops needs to see and unblock running processes on either runtime — every deployed process version
 * (its BPMN as deployed, active element instances and open incidents per element), the work that is stuck (open
 * incidents, overdue staff tasks) and retrying an incident. The engine module implements {@link
 * io.orderflow.fulfillment.ops.ProcessOperations} for the embedded engine and for a Camunda 8.8 cluster.
 */
package io.orderflow.fulfillment.ops;
