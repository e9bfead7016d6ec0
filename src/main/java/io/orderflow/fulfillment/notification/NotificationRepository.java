package io.orderflow.fulfillment.notification;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationRepository extends JpaRepository<Notification, Long> {

  Optional<Notification> findByOrderIdAndAudienceAndTopicAndDedupKey(String orderId, String audience, String topic,
      String dedupKey);

  List<Notification> findByOrderIdOrderById(String orderId);

  List<Notification> findByAudienceOrderByIdDesc(String audience, Limit limit);
}
