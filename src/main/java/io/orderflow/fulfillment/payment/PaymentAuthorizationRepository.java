package io.orderflow.fulfillment.payment;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PaymentAuthorizationRepository extends JpaRepository<PaymentAuthorization, Long> {

  Optional<PaymentAuthorization> findByOrderIdAndAttemptNo(String orderId, int attemptNo);

  boolean existsByOrderIdAndAttemptNo(String orderId, int attemptNo);

  Optional<PaymentAuthorization> findFirstByOrderIdAndStatusOrderByAttemptNoDesc(String orderId,
      PaymentAuthorization.Status status);
}
