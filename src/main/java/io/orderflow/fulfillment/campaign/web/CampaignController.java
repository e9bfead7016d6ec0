package io.orderflow.fulfillment.campaign.web;

import io.orderflow.fulfillment.campaign.Campaign;
import io.orderflow.fulfillment.campaign.CampaignRule;
import io.orderflow.fulfillment.campaign.CampaignStatus;
import io.orderflow.fulfillment.campaign.Campaigns;
import io.orderflow.fulfillment.insight.Segment;
import io.orderflow.fulfillment.security.CurrentUser;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Marketing defines, lists and cancels campaigns; ops and analysts read them. */
@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

  /** A new campaign: rule SEGMENT (with segment) or RECOMMENDED_SKU (customers recommended one of the products). */
  record CampaignRequest(@NotBlank String name, @NotNull String rule, String segment, List<String> products,
      Integer discountPercent, Instant validUntil) {}

  record CampaignView(String id, String name, CampaignRule rule, Segment segment, List<String> products,
      int discountPercent, Instant validUntil, String createdBy, Instant createdAt, CampaignStatus status,
      String approvedBy, Instant decidedAt, String note, Integer audienceSize, Integer offersSent,
      Integer offersAccepted, BigDecimal revenue, Long processInstanceKey) {

    static CampaignView of(Campaign c) {
      return new CampaignView(c.id(), c.name(), c.rule(), c.segment(), c.productList(), c.discountPercent(),
          c.validUntil(), c.createdBy(), c.createdAt(), c.status(), c.approvedBy(), c.decidedAt(), c.note(),
          c.audienceSize(), c.offersSent(), c.offersAccepted(), c.revenue(), c.processInstanceKey());
    }
  }

  private final Campaigns campaigns;

  CampaignController(Campaigns campaigns) {
    this.campaigns = campaigns;
  }

  @PostMapping
  ResponseEntity<CampaignView> define(@Valid @RequestBody CampaignRequest request) {
    Campaign c = campaigns.define(new Campaigns.Definition(request.name(), rule(request.rule()),
        segment(request.segment()), request.products(), request.discountPercent(), request.validUntil()),
        CurrentUser.required().username());
    return ResponseEntity.created(URI.create("/api/campaigns/" + c.id())).body(CampaignView.of(c));
  }

  @GetMapping
  List<CampaignView> all() {
    return campaigns.all().stream().map(CampaignView::of).toList();
  }

  @GetMapping("/{campaignId}")
  CampaignView get(@PathVariable String campaignId) {
    return CampaignView.of(campaigns.get(campaignId));
  }

  /** Stops a campaign: its open offers expire (409 when it finished, was rejected or cancelled). */
  @PostMapping("/{campaignId}/cancellation")
  CampaignView cancel(@PathVariable String campaignId) {
    return CampaignView.of(campaigns.cancel(campaignId));
  }

  private static CampaignRule rule(String name) {
    try {
      return name == null ? null : CampaignRule.valueOf(name.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("rule", "must be SEGMENT or RECOMMENDED_SKU");
    }
  }

  private static Segment segment(String name) {
    try {
      return name == null || name.isBlank() ? null : Segment.valueOf(name.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("segment", "must be one of " + List.of(Segment.values()));
    }
  }
}
