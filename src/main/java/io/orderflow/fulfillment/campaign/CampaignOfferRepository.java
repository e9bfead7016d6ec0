package io.orderflow.fulfillment.campaign;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CampaignOfferRepository extends JpaRepository<CampaignOffer, String> {

  List<CampaignOffer> findByCampaignIdOrderByBatchNoAscCustomerEmailAsc(String campaignId);

  List<CampaignOffer> findByCampaignIdAndBatchNoOrderByCustomerEmail(String campaignId, int batchNo);

  List<CampaignOffer> findByCustomerEmailAndStatusOrderByCreatedAtDesc(String customerEmail, OfferStatus status);
}
