/** The pages and route about the signed-in user: {@code GET /me}, {@code GET /api/me}, {@code GET /signed-out}. */
package io.orderflow.fulfillment.security.web;
