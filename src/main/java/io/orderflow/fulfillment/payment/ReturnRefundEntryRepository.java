package io.orderflow.fulfillment.payment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReturnRefundEntryRepository extends JpaRepository<ReturnRefundEntry, Long> {

  Optional<ReturnRefundEntry> findByOrderIdAndRmaNumber(String orderId, String rmaNumber);

  List<ReturnRefundEntry> findByOrderIdOrderById(String orderId);

  boolean existsByOrderIdAndStatus(String orderId, ReturnRefundEntry.Status status);
}
