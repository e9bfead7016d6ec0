package io.orderflow.fulfillment.payment;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentCancellationRepository extends JpaRepository<PaymentCancellation, Long> {

  Optional<PaymentCancellation> findByOrderIdAndShipmentNo(String orderId, int shipmentNo);
}
