package io.orderflow.fulfillment.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OrderRepository extends JpaRepository<CustomerOrder, String> {

  @EntityGraph(attributePaths = "lines")
  Optional<CustomerOrder> findWithLinesById(String id);

  Optional<CustomerOrder> findByOrderNumber(String orderNumber);

  /** Orders in {@code placed}, and backorder orders in one of {@code backorderStatuses}, that have no process yet. */
  @Query("select o from CustomerOrder o where o.processInstanceKey is null and o.placedAt < :before "
      + "and (o.status = :placed or (o.backorderForOrderId is not null and o.status in :backorderStatuses)) "
      + "order by o.placedAt, o.id")
  List<CustomerOrder> findWithoutProcess(@Param("placed") OrderStatus placed,
      @Param("backorderStatuses") java.util.Collection<OrderStatus> backorderStatuses, @Param("before") Instant before,
      Limit limit);

  @EntityGraph(attributePaths = "lines")
  Optional<CustomerOrder> findByBackorderForOrderId(String backorderForOrderId);

  /**
   * Backorder orders in {@code waiting} with a line of the SKU, nothing allocated and no cancellation asked for: id,
   * order number and the original order's placing time, oldest original first, then by id.
   */
  @Query("select o.id, o.orderNumber, original.placedAt from CustomerOrder o, CustomerOrder original "
      + "where original.id = o.backorderForOrderId and o.status = :waiting and o.stockAllocatedAt is null "
      + "and o.cancellationRequestedAt is null "
      + "and exists (select l.id from OrderLine l where l.order = o and l.sku = :sku) "
      + "order by original.placedAt, o.id")
  List<Object[]> findWaitingBackorders(@Param("sku") String sku, @Param("waiting") OrderStatus waiting);

  /** Ids of backorder orders in {@code status} with a line of the SKU that were given their stock. */
  @Query("select o.id from CustomerOrder o where o.backorderForOrderId is not null and o.stockAllocatedAt is not null "
      + "and o.status = :status and exists (select l.id from OrderLine l where l.order = o and l.sku = :sku) "
      + "order by o.id")
  List<String> findAllocatedBackorderIds(@Param("sku") String sku, @Param("status") OrderStatus status);

  /** The order, its row write-locked until the transaction ends. */
  @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
  @Query("select o from CustomerOrder o where o.id = :id")
  Optional<CustomerOrder> findForUpdateById(@Param("id") String id);

  @EntityGraph(attributePaths = "lines")
  Optional<CustomerOrder> findByReplacementRma(String replacementRma);

  List<CustomerOrder> findByReplacementForOrderIdOrderByPlacedAt(String replacementForOrderId);

  long countByCustomerEmailIgnoreCaseAndStatus(String customerEmail, OrderStatus status);

  @Query("select s.order.id from OrderShipment s where s.trackingNumber = :trackingNumber")
  Optional<String> findOrderIdByTrackingNumber(@Param("trackingNumber") String trackingNumber);

  /** Orders placed at or after the instant, oldest first (customer analytics). */
  @org.springframework.data.jpa.repository.EntityGraph(attributePaths = "lines")
  List<CustomerOrder> findByPlacedAtGreaterThanEqualOrderByPlacedAt(java.time.Instant since);

  /**
   * Orders newest first, optionally of one customer (e-mail given in lower case, compared case-insensitively) and in one
   * status.
   */
  @Query("select o from CustomerOrder o where (:email is null or lower(o.customerEmail) = :email) "
      + "and (:status is null or o.status = :status) order by o.placedAt desc, o.id desc")
  List<CustomerOrder> findNewestFirst(@Param("email") String email, @Param("status") OrderStatus status, Limit limit);

  /** Per order id: the number of lines and the units ordered. */
  @Query("select l.order.id, count(l), coalesce(sum(l.quantity), 0) from OrderLine l where l.order.id in :ids "
      + "group by l.order.id")
  List<Object[]> countLinesAndUnits(@Param("ids") java.util.Collection<String> ids);

  /** Order id and tracking number of every booked parcel of these orders, by parcel number. */
  @Query("select s.order.id, s.trackingNumber from OrderShipment s where s.order.id in :ids "
      + "and s.trackingNumber is not null order by s.shipmentNo")
  List<Object[]> findTrackingNumbers(@Param("ids") java.util.Collection<String> ids);
}
