package io.orderflow.fulfillment.payment;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CashCollectionRepository extends JpaRepository<CashCollection, Long> {

  Optional<CashCollection> findByCollectionId(String collectionId);

  Optional<CashCollection> findByOrderId(String orderId);
}
