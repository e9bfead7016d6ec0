package io.orderflow.fulfillment.inventory;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface StockMovementRepository extends JpaRepository<StockMovement, Long> {

  List<StockMovement> findBySkuOrderByIdDesc(String sku, Limit limit);

  List<StockMovement> findByOrderIdOrderById(String orderId);

  boolean existsByReference(String reference);

  List<StockMovement> findByReferenceStartingWithOrderById(String referencePrefix);
}
