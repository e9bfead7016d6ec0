package io.orderflow.fulfillment.payment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface StoreCreditRepository extends JpaRepository<StoreCredit, Long> {

  Optional<StoreCredit> findBySourceOrderIdAndSourceRmaNumber(String orderId, String rmaNumber);

  boolean existsByCode(String code);

  List<StoreCredit> findByCustomerEmailOrderByIssuedAtAscIdAsc(String customerEmail);
}
