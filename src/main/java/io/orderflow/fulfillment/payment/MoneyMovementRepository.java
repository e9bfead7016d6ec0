package io.orderflow.fulfillment.payment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MoneyMovementRepository extends JpaRepository<MoneyMovement, Long> {

  boolean existsByBusinessKey(String businessKey);

  List<MoneyMovement> findByOrderIdOrderById(String orderId);
}
