package io.orderflow.fulfillment.payment;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentRepository extends JpaRepository<Payment, Long> {

  Optional<Payment> findByOrderId(String orderId);

  Optional<Payment> findByTransferReference(String transferReference);
}
