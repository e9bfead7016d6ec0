package io.orderflow.fulfillment.insight.web;

import io.orderflow.fulfillment.insight.ProductReviews;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Product reviews. Writing: the order's customer (ownership of {@code /api/orders/{orderId}} is checked by the order
 * module: another customer's order answers 404). Reading: public, like the catalogue (no reviewer is named).
 */
@RestController
class ReviewController {

  record ReviewRequest(String sku, Integer rating, String comment) {}

  private final ProductReviews reviews;

  ReviewController(ProductReviews reviews) {
    this.reviews = reviews;
  }

  @PostMapping("/api/orders/{orderId}/reviews")
  ResponseEntity<ProductReviews.Review> review(@PathVariable String orderId, @RequestBody ReviewRequest request) {
    ProductReviews.Review review = reviews.review(orderId, request.sku(), request.rating(), request.comment());
    return ResponseEntity.created(URI.create("/api/products/" + review.sku() + "/reviews")).body(review);
  }

  @GetMapping("/api/products/{sku}/reviews")
  ProductReviews.ProductRating of(@PathVariable String sku) {
    return reviews.of(sku);
  }
}
