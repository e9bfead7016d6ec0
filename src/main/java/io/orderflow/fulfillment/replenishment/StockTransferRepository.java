package io.orderflow.fulfillment.replenishment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface StockTransferRepository extends JpaRepository<StockTransfer, String> {

  /** The transfer in transit for this SKU and destination ({@code sku@warehouse}), if any. */
  Optional<StockTransfer> findByOpenKey(String openKey);

  Optional<StockTransfer> findByTransferNumber(String transferNumber);

  List<StockTransfer> findAllByOrderByCreatedAtDesc(Limit limit);

  List<StockTransfer> findByStatusOrderByCreatedAtDesc(StockTransferStatus status, Limit limit);
}
