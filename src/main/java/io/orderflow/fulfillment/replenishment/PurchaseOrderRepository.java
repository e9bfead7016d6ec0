package io.orderflow.fulfillment.replenishment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PurchaseOrderRepository extends JpaRepository<PurchaseOrder, String> {

  Optional<PurchaseOrder> findByPoNumber(String poNumber);

  List<PurchaseOrder> findByStatusOrderByCreatedAtDesc(PurchaseOrderStatus status, Limit limit);

  List<PurchaseOrder> findAllByOrderByCreatedAtDesc(Limit limit);

  /** The purchase order with a line still open for this SKU and warehouse ({@code sku@warehouse}), if any. */
  @Query("select l.purchaseOrder from PurchaseOrderLine l where l.openKey = :openKey")
  Optional<PurchaseOrder> findByOpenKey(@Param("openKey") String openKey);
}
