package io.orderflow.fulfillment.payment;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentCaptureRepository extends JpaRepository<PaymentCapture, Long> {

  Optional<PaymentCapture> findByOrderId(String orderId);
}
