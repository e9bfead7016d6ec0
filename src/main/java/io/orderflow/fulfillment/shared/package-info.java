/** Exceptions and small types every feature may use. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.orderflow.fulfillment.shared;
