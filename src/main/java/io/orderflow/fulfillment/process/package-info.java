/** Process ids, job types, message names, error codes and variable names shared with the BPMN models. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.orderflow.fulfillment.process;
