package io.orderflow.fulfillment.campaign;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CampaignRepository extends JpaRepository<Campaign, String> {

  List<Campaign> findAllByOrderByCreatedAtDesc();
}
