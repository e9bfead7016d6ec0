package io.orderflow.fulfillment.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrderRepository extends JpaRepository<CustomerOrder, String> {

  @EntityGraph(attributePaths = "lines")
  Optional<CustomerOrder> findWithLinesById(String id);

  Optional<CustomerOrder> findByOrderNumber(String orderNumber);

  List<CustomerOrder> findByStatusAndProcessInstanceKeyIsNullAndPlacedAtBefore(OrderStatus status, Instant before, Limit limit);
}
