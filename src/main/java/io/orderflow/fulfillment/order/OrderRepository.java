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

  List<CustomerOrder> findByStatusAndProcessInstanceKeyIsNullAndPlacedAtBefore(OrderStatus status, Instant before, Limit limit);

  @EntityGraph(attributePaths = "lines")
  Optional<CustomerOrder> findByReplacementRma(String replacementRma);

  List<CustomerOrder> findByReplacementForOrderIdOrderByPlacedAt(String replacementForOrderId);

  long countByCustomerEmailIgnoreCaseAndStatus(String customerEmail, OrderStatus status);

  @Query("select s.order.id from OrderShipment s where s.trackingNumber = :trackingNumber")
  Optional<String> findOrderIdByTrackingNumber(@Param("trackingNumber") String trackingNumber);
}
