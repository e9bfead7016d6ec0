package io.orderflow.fulfillment.campaign;

import io.orderflow.fulfillment.shared.ConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** One customer's offer of a campaign (one per campaign and customer); accepting it places one order. */
@Entity
@Table(name = "campaign_offer")
public class CampaignOffer {

  @Id
  private String id;

  @Column(name = "campaign_id", nullable = false)
  private String campaignId;

  @Column(name = "customer_email", nullable = false)
  private String customerEmail;

  @Column(name = "batch_no", nullable = false)
  private int batchNo;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private OfferStatus status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "accepted_at")
  private Instant acceptedAt;

  @Column(name = "order_id")
  private String orderId;

  @Version
  private long version;

  protected CampaignOffer() {}

  CampaignOffer(String campaignId, String customerEmail, int batchNo, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.campaignId = campaignId;
    this.customerEmail = customerEmail;
    this.batchNo = batchNo;
    this.status = OfferStatus.OPEN;
    this.createdAt = now;
  }

  /** Refuses an offer that is no longer open (409). */
  void requireOpen() {
    if (status != OfferStatus.OPEN) {
      throw new ConflictException("Offer " + id + " is " + status + " and can no longer be accepted");
    }
  }

  /** The customer accepts: the offer is taken (the order follows); a second acceptance gets 409. */
  void accept(Instant now) {
    requireOpen();
    this.status = OfferStatus.ACCEPTED;
    this.acceptedAt = now;
  }

  /** The order could not be placed: the offer is open again. */
  void release() {
    if (status == OfferStatus.ACCEPTED && orderId == null) {
      status = OfferStatus.OPEN;
      acceptedAt = null;
    }
  }

  /** The order the accepted offer placed. */
  void placed(String orderId) {
    this.orderId = orderId;
  }

  /** The campaign ended: an open offer expires; an accepted one stays accepted. */
  void expire() {
    if (status == OfferStatus.OPEN) {
      status = OfferStatus.EXPIRED;
    }
  }

  void sent(Instant now) {
    if (sentAt == null) {
      sentAt = now;
    }
  }

  public String id() { return id; }
  public String campaignId() { return campaignId; }
  public String customerEmail() { return customerEmail; }
  public int batchNo() { return batchNo; }
  public OfferStatus status() { return status; }
  public Instant createdAt() { return createdAt; }
  public Instant sentAt() { return sentAt; }
  public Instant acceptedAt() { return acceptedAt; }
  public String orderId() { return orderId; }
}
