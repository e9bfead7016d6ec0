package io.orderflow.fulfillment.inventory;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface StockMovementRepository extends JpaRepository<StockMovement, Long> {

  List<StockMovement> findBySkuOrderByIdDesc(String sku, Limit limit);

  List<StockMovement> findByOrderIdOrderById(String orderId);

  boolean existsByReference(String reference);

  List<StockMovement> findByReferenceStartingWithOrderById(String referencePrefix);

  @org.springframework.data.jpa.repository.Query("""
      select coalesce(sum(m.quantity), 0) from StockMovement m
      where m.sku = :sku and m.warehouseId = :warehouseId and m.type = :type and m.occurredAt >= :since""")
  long sumQuantity(@org.springframework.data.repository.query.Param("sku") String sku,
      @org.springframework.data.repository.query.Param("warehouseId") String warehouseId,
      @org.springframework.data.repository.query.Param("type") StockMovement.Type type,
      @org.springframework.data.repository.query.Param("since") java.time.Instant since);
}
