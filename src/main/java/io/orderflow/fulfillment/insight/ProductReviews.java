package io.orderflow.fulfillment.insight;

import io.orderflow.fulfillment.catalog.Catalog;
import io.orderflow.fulfillment.inventory.Inventory;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import io.orderflow.fulfillment.shared.InvalidRequestException.FieldProblem;
import io.orderflow.fulfillment.shared.NotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviews: the customer of an order rates a product that reached them in one of its delivered parcels, once per order
 * and product. Anyone may read a product's reviews (rating, comment, date; never who wrote them).
 */
@Service
public class ProductReviews {

  public record Review(String id, String orderId, String sku, int rating, String comment, Instant createdAt) {}

  /** A review as the public sees it. */
  public record PublicReview(int rating, String comment, Instant createdAt) {}

  /** A product's reviews, newest first, with their count and average rating (one decimal; null without reviews). */
  public record ProductRating(String sku, int count, BigDecimal average, List<PublicReview> reviews) {}

  private final OrderService orders;
  private final Inventory inventory;
  private final Catalog catalog;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  ProductReviews(OrderService orders, Inventory inventory, Catalog catalog, JdbcTemplate jdbc, Clock clock) {
    this.orders = orders;
    this.inventory = inventory;
    this.catalog = catalog;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Stores the review of the order's customer. Ownership of the order is checked before (the order routes answer 404
   * for another customer's order).
   *
   * @throws NotFoundException for an unknown order
   * @throws InvalidRequestException for a rating outside 1..5, a comment over 2000 characters, or a SKU that was not in
   *     a delivered parcel of the order
   * @throws ConflictException when the order's SKU has its review already
   */
  @Transactional
  public Review review(String orderId, String sku, Integer rating, String comment) {
    OrderSummary order = orders.summary(orderId);
    List<FieldProblem> problems = new ArrayList<>();
    if (rating == null || rating < 1 || rating > 5) {
      problems.add(new FieldProblem("rating", "must be 1 to 5"));
    }
    if (comment != null && comment.length() > 2000) {
      problems.add(new FieldProblem("comment", "must be at most 2000 characters"));
    }
    if (sku == null || sku.isBlank()) {
      problems.add(new FieldProblem("sku", "is required"));
    } else if (!deliveredSku(order, sku)) {
      problems.add(new FieldProblem("sku", "'" + sku + "' was not in a delivered parcel of order " + order.orderNumber()));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    if (hasReview(orderId, sku)) {
      throw new ConflictException("Order " + order.orderNumber() + " has its review of " + sku + " already");
    }
    Review review = new Review(UUID.randomUUID().toString(), orderId, sku, rating,
        comment == null || comment.isBlank() ? null : comment.strip(), clock.instant());
    try {
      jdbc.update("insert into product_review (id, order_id, sku, customer_email, rating, review_comment, created_at)"
              + " values (?, ?, ?, ?, ?, ?, ?)", review.id(), orderId, sku,
          InsightCalculator.key(order.customer().email()), rating, review.comment(), Timestamp.from(review.createdAt()));
    } catch (DataIntegrityViolationException concurrent) {
      throw new ConflictException("Order " + order.orderNumber() + " has its review of " + sku + " already");
    }
    return review;
  }

  /** The product's reviews with count and average. @throws NotFoundException for an unknown SKU */
  @Transactional(readOnly = true)
  public ProductRating of(String sku) {
    if (catalog.bySku(List.of(sku)).isEmpty()) {
      throw new NotFoundException("Product", sku);
    }
    List<PublicReview> reviews = jdbc.query(
        "select rating, review_comment, created_at from product_review where sku = ? order by created_at desc, id",
        (rs, i) -> new PublicReview(rs.getInt("rating"), rs.getString("review_comment"),
            rs.getTimestamp("created_at").toInstant()), sku);
    BigDecimal average = reviews.isEmpty() ? null
        : BigDecimal.valueOf(reviews.stream().mapToInt(PublicReview::rating).sum())
            .divide(BigDecimal.valueOf(reviews.size()), 1, RoundingMode.HALF_UP);
    return new ProductRating(sku, reviews.size(), average, reviews);
  }

  private boolean deliveredSku(OrderSummary order, String sku) {
    return order.shipments().stream().filter(s -> "DELIVERED".equals(s.status()))
        .anyMatch(s -> inventory.shipmentContents(order.id(), s.warehouseId()).getOrDefault(sku, 0) > 0);
  }

  private boolean hasReview(String orderId, String sku) {
    return jdbc.queryForObject("select count(*) from product_review where order_id = ? and sku = ?", Integer.class,
        orderId, sku) > 0;
  }
}
