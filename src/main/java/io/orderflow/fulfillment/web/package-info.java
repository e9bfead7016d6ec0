/**
 * The pages: one application page ({@code /}, built from {@code src/main/frontend} into {@code static/}) with the
 * storefront, order tracking, the staff inbox with the Camunda forms, the ops view and the marketing and purchasing
 * pages, all calling the REST API with the browser's session; {@code /signin} starts a sign-in and returns to a page.
 */
package io.orderflow.fulfillment.web;
