package io.orderflow.fulfillment.campaign;

import io.orderflow.fulfillment.insight.Segment;
import io.orderflow.fulfillment.shared.ConflictException;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A marketing campaign: who (a segment or a recommended SKU), what (products at a discount), until when. It guards its
 * own life: DRAFT → AWAITING_APPROVAL → RUNNING (approved by someone other than its author) or REJECTED; RUNNING →
 * FINISHED when the offers expired, or CANCELLED by marketing.
 */
@Entity
@Table(name = "campaign")
public class Campaign {

  /** The longest validity a campaign may have. */
  public static final Duration MAX_VALIDITY = Duration.ofDays(90);

  @Id
  private String id;

  @Column(nullable = false)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "rule_kind", nullable = false)
  private CampaignRule rule;

  @Enumerated(EnumType.STRING)
  private Segment segment;

  /** The SKUs on offer, comma-separated (also the recommended SKUs of a RECOMMENDED_SKU rule). */
  @Column(nullable = false)
  private String products;

  @Column(name = "discount_percent", nullable = false)
  private int discountPercent;

  @Column(name = "valid_until", nullable = false)
  private Instant validUntil;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CampaignStatus status;

  @Column(name = "approved_by")
  private String approvedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  private String note;

  @Column(name = "audience_size")
  private Integer audienceSize;

  @Column(name = "offers_sent")
  private Integer offersSent;

  @Column(name = "offers_accepted")
  private Integer offersAccepted;

  private BigDecimal revenue;

  @Column(name = "process_instance_key")
  private Long processInstanceKey;

  @Version
  private long version;

  protected Campaign() {}

  /**
   * Defines a campaign (DRAFT); every problem of the definition is reported at once, naming its field.
   *
   * @param segment required for {@link CampaignRule#SEGMENT}, refused otherwise
   */
  public static Campaign define(String name, CampaignRule rule, Segment segment, List<String> products,
      Integer discountPercent, Instant validUntil, String createdBy, Instant now) {
    List<InvalidRequestException.FieldProblem> problems = new ArrayList<>();
    if (name == null || name.isBlank() || name.strip().length() > 120) {
      problems.add(new InvalidRequestException.FieldProblem("name", "is required, at most 120 characters"));
    }
    if (rule == null) {
      problems.add(new InvalidRequestException.FieldProblem("rule", "must be SEGMENT or RECOMMENDED_SKU"));
    } else if (rule == CampaignRule.SEGMENT && segment == null) {
      problems.add(new InvalidRequestException.FieldProblem("segment", "is required for a SEGMENT rule"));
    } else if (rule == CampaignRule.RECOMMENDED_SKU && segment != null) {
      problems.add(new InvalidRequestException.FieldProblem("segment", "applies to a SEGMENT rule only"));
    }
    List<String> skus = products == null ? List.of()
        : products.stream().filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty()).toList();
    if (skus.isEmpty() || skus.size() > 20) {
      problems.add(new InvalidRequestException.FieldProblem("products", "between 1 and 20 SKUs"));
    } else if (new LinkedHashSet<>(skus).size() != skus.size()) {
      problems.add(new InvalidRequestException.FieldProblem("products", "lists a SKU twice"));
    } else if (skus.stream().anyMatch(s -> s.contains(",") || s.length() > 40)) {
      problems.add(new InvalidRequestException.FieldProblem("products", "contains an invalid SKU"));
    }
    if (discountPercent == null || discountPercent < 1 || discountPercent > 90) {
      problems.add(new InvalidRequestException.FieldProblem("discountPercent", "must be between 1 and 90"));
    }
    if (validUntil == null || !validUntil.isAfter(now) || validUntil.isAfter(now.plus(MAX_VALIDITY))) {
      problems.add(new InvalidRequestException.FieldProblem("validUntil", "must be in the future, at most 90 days ahead"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    Campaign c = new Campaign();
    c.id = UUID.randomUUID().toString();
    c.name = name.strip();
    c.rule = rule;
    c.segment = segment;
    c.products = String.join(",", skus);
    c.discountPercent = discountPercent;
    c.validUntil = validUntil;
    c.createdBy = createdBy;
    c.createdAt = now;
    c.status = CampaignStatus.DRAFT;
    return c;
  }

  /** Handed to the approval (its process is started next). */
  public void submit() {
    if (status != CampaignStatus.DRAFT) {
      throw new ConflictException("Campaign " + id + " is " + status + "; it was submitted already");
    }
    status = CampaignStatus.AWAITING_APPROVAL;
  }

  /** The audience as the approval saw it. */
  public void sizedUp(int audienceSize) {
    this.audienceSize = audienceSize;
  }

  /**
   * The marketing manager's decision; the author may not decide on their own campaign. Repeating the same decision is
   * a no-op (a job delivered twice).
   */
  public void decide(boolean approve, String decidedBy, String note, Instant now) {
    CampaignStatus target = approve ? CampaignStatus.RUNNING : CampaignStatus.REJECTED;
    if (status == target && Objects.equals(approvedBy, decidedBy)) {
      return;
    }
    if (status != CampaignStatus.AWAITING_APPROVAL && status != CampaignStatus.DRAFT) {
      throw new ConflictException("Campaign " + id + " is " + status + "; it was decided already");
    }
    requireOtherThanAuthor(decidedBy);
    status = target;
    approvedBy = decidedBy;
    decidedAt = now;
    this.note = note == null || note.isBlank() ? null : truncate(note.strip());
  }

  /** Four eyes: refuses the campaign's author as its approver. */
  public void requireOtherThanAuthor(String user) {
    if (user == null || user.isBlank()) {
      throw new ConflictException("Campaign " + id + ": who decided is unknown");
    }
    if (user.equalsIgnoreCase(createdBy)) {
      throw new ConflictException("Campaign " + id + " was defined by " + createdBy
          + "; another marketing manager must approve it");
    }
  }

  /** Marketing stops the campaign early (before or while it runs). */
  public void cancel() {
    if (status == CampaignStatus.CANCELLED) {
      return;
    }
    if (status != CampaignStatus.RUNNING && status != CampaignStatus.AWAITING_APPROVAL
        && status != CampaignStatus.DRAFT) {
      throw new ConflictException("Campaign " + id + " is " + status + " and cannot be cancelled");
    }
    status = CampaignStatus.CANCELLED;
  }

  /** The results once the offers expired; a RUNNING campaign is FINISHED (a cancelled one stays CANCELLED). */
  public void finish(int sent, int accepted, BigDecimal revenue) {
    this.offersSent = sent;
    this.offersAccepted = accepted;
    this.revenue = revenue;
    if (status == CampaignStatus.RUNNING) {
      status = CampaignStatus.FINISHED;
    }
  }

  /** Whether an offer of this campaign can be accepted at {@code now}. */
  public boolean acceptsOffers(Instant now) {
    return status == CampaignStatus.RUNNING && now.isBefore(validUntil);
  }

  /** The campaign's price of a product: the catalogue price less the discount, rounded to cents. */
  public BigDecimal discounted(BigDecimal catalogPrice) {
    return catalogPrice.multiply(BigDecimal.valueOf(100L - discountPercent))
        .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
  }

  /** The rule in words, for the approval form. */
  public String describeRule() {
    return rule == CampaignRule.SEGMENT ? "customers in segment " + segment
        : "customers recommended " + String.join(" or ", productList());
  }

  private static String truncate(String s) {
    return s.length() <= 1000 ? s : s.substring(0, 1000);
  }

  public String id() { return id; }
  public String name() { return name; }
  public CampaignRule rule() { return rule; }
  public Segment segment() { return segment; }
  public List<String> productList() { return Arrays.asList(products.split(",")); }
  public int discountPercent() { return discountPercent; }
  public Instant validUntil() { return validUntil; }
  public String createdBy() { return createdBy; }
  public Instant createdAt() { return createdAt; }
  public CampaignStatus status() { return status; }
  public String approvedBy() { return approvedBy; }
  public Instant decidedAt() { return decidedAt; }
  public String note() { return note; }
  public Integer audienceSize() { return audienceSize; }
  public Integer offersSent() { return offersSent; }
  public Integer offersAccepted() { return offersAccepted; }
  public BigDecimal revenue() { return revenue; }
  public Long processInstanceKey() { return processInstanceKey; }
}
