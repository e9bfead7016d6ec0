/** The order API's request and response types, shared with the checkout endpoint of the cart module. */
@org.springframework.modulith.NamedInterface("web")
package io.orderflow.fulfillment.order.web;
