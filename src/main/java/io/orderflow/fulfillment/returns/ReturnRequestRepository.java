package io.orderflow.fulfillment.returns;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReturnRequestRepository extends JpaRepository<ReturnRequest, String> {

  List<ReturnRequest> findByOrderIdOrderByRequestedAt(String orderId);

  Optional<ReturnRequest> findByRmaNumber(String rmaNumber);

  Optional<ReturnRequest> findFirstByReturnTrackingNumber(String returnTrackingNumber);

  List<ReturnRequest> findByStatusInOrderByRequestedAt(Collection<ReturnStatus> statuses, Limit limit);

  List<ReturnRequest> findAllByOrderByRequestedAtDesc(Limit limit);

  List<ReturnRequest> findByProcessInstanceKeyIsNullAndStatusAndRequestedAtBefore(ReturnStatus status, Instant before,
      Limit limit);
}
