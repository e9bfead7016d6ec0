package io.orderflow.fulfillment.replenishment;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SupplierDispatchRepository extends JpaRepository<SupplierDispatch, Long> {

  boolean existsByPurchaseOrderId(String purchaseOrderId);

  Optional<SupplierDispatch> findByPurchaseOrderId(String purchaseOrderId);
}
