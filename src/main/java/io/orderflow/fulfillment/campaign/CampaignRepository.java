package io.orderflow.fulfillment.campaign;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CampaignRepository extends JpaRepository<Campaign, String> {

  List<Campaign> findAllByOrderByCreatedAtDesc();

  /** Records the process instance without touching the version: its first step may already have updated the row. */
  @Modifying
  @Query("update Campaign c set c.processInstanceKey = :key where c.id = :id")
  int recordProcessInstance(@Param("id") String id, @Param("key") long key);
}
