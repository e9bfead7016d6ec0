package io.orderflow.fulfillment.returns;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReturnShippingRefundRepository extends JpaRepository<ReturnShippingRefund, Long> {

  List<ReturnShippingRefund> findByOrderId(String orderId);
}
