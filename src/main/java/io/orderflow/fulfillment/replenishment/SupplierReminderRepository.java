package io.orderflow.fulfillment.replenishment;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SupplierReminderRepository extends JpaRepository<SupplierReminder, Long> {

  boolean existsByPurchaseOrderIdAndExpectedDate(String purchaseOrderId, LocalDate expectedDate);

  List<SupplierReminder> findByPurchaseOrderIdOrderById(String purchaseOrderId);
}
