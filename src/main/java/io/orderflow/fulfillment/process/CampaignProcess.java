package io.orderflow.fulfillment.process;

/**
 * Names shared by processes/campaign.bpmn (one instance per marketing campaign: the supplier-initiated way an order
 * starts), its form, the workers, the facades and the tests.
 *
 * <p>Started with {@code campaignId} and {@code validUntil} (ISO date-time: when the offers expire). The campaign
 * itself (rule, products, discount, validity) and its offers live in the database; the process carries ids, the facts
 * the approval form shows and the offer batches. Offers are sent in batches ({@code offerBatches}, a list of batch
 * numbers, each a few hundred offers) by a parallel multi-instance task, so a campaign to thousands of customers is
 * one small instance. An offer waits for the customer's acceptance in the database until {@code validUntil}; an
 * accepted offer places an ordinary order (channel CAMPAIGN, the offer's price), which runs the order process like
 * any other.
 */
public final class CampaignProcess {

  public static final String PROCESS_ID = "campaign";

  public static final class JobTypes {
    /**
     * Reads campaignId. Sets the facts the approval form shows: campaignName, campaignRule (readable), products
     * (text), discountPercent, validUntil, audienceSize (consenting customers the rule selects now), createdBy.
     */
    public static final String PREPARE_CAMPAIGN = "prepare-campaign";
    /**
     * Records the marketing manager's decision. Reads campaignId, campaignDecision (APPROVE | REJECT), campaignNote,
     * completedBy (who decided; must not be who created it). Sets campaignApproved (boolean).
     */
    public static final String RECORD_CAMPAIGN_DECISION = "record-campaign-decision";
    /**
     * Selects the customers the rule names who consented to marketing, and creates one offer each (once), in batches.
     * Reads campaignId. Sets recipientCount and offerBatches (list of batch numbers; empty when nobody qualifies).
     */
    public static final String SELECT_CAMPAIGN_RECIPIENTS = "select-campaign-recipients";
    /** Sends the offers of one batch by mail (once per offer). Reads campaignId, batchNo. */
    public static final String SEND_CAMPAIGN_OFFERS = "send-campaign-offers";
    /** The campaign ended (validity over, or cancelled): every offer not accepted expires. Reads campaignId. */
    public static final String EXPIRE_CAMPAIGN_OFFERS = "expire-campaign-offers";
    /**
     * Records the results: offers sent, accepted, acceptance rate, orders placed and their revenue. Reads campaignId;
     * sets offersSent, offersAccepted, campaignRevenue.
     */
    public static final String RECORD_CAMPAIGN_RESULTS = "record-campaign-results";

    private JobTypes() {}
  }

  public static final class Messages {
    /** Marketing stops a running campaign; correlation key = campaignId. */
    public static final String CAMPAIGN_CANCELLED = "campaign-cancelled";

    private Messages() {}
  }

  public static final class Variables {
    public static final String CAMPAIGN_ID = "campaignId";
    public static final String VALID_UNTIL = "validUntil";
    /** Approval form: APPROVE | REJECT. */
    public static final String CAMPAIGN_DECISION = "campaignDecision";
    public static final String CAMPAIGN_NOTE = "campaignNote";
    public static final String OFFER_BATCHES = "offerBatches";
    public static final String BATCH_NO = "batchNo";

    private Variables() {}
  }

  public static final class Elements {
    public static final String APPROVE_CAMPAIGN = "UserTask_ApproveCampaign";
    public static final String SEND_OFFERS = "ServiceTask_SendOffers";
    public static final String CAMPAIGN_ENDS = "IntermediateCatchEvent_CampaignEnds";

    private Elements() {}
  }

  public static final class Forms {
    public static final String APPROVE_CAMPAIGN = "approve-campaign";

    private Forms() {}
  }

  /** The candidate group of the approval: marketing managers (a second person, not the campaign's author). */
  public static final String MARKETING_MANAGER_GROUP = "marketing-manager";

  private CampaignProcess() {}
}
