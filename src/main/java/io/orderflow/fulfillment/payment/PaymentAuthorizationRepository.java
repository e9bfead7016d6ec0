package io.orderflow.fulfillment.payment;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentAuthorizationRepository extends JpaRepository<PaymentAuthorization, Long> {

  Optional<PaymentAuthorization> findByOrderId(String orderId);
}
