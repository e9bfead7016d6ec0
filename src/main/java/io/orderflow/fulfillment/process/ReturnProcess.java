package io.orderflow.fulfillment.process;

/**
 * Names shared by processes/return.bpmn (returns and complaints, one instance per RMA), its decisions
 * (return-eligibility.dmn, return-outcome.dmn), the workers, the facades and the tests.
 *
 * <p>Variables at the start: {@code returnId}, {@code orderId}, {@code orderNumber}, {@code rmaNumber}, {@code returnKind}
 * (RETURN | COMPLAINT), {@code reason} (CHANGED_MIND | WRONG_SIZE | DAMAGED | DEFECTIVE | WRONG_ITEM),
 * {@code daysSinceDelivery}, {@code returnWindowDays}, {@code returnParcelTimeout} (ISO duration),
 * {@code warehouseCode} (the warehouse the parcel goes back to) and {@code returnLines}: one context per requested
 * line {@code {lineNo, sku, productName, category, quantity, unitPrice}}.
 */
public final class ReturnProcess {

  public static final String PROCESS_ID = "return";
  public static final String ELIGIBILITY_DECISION = "return-eligibility";
  public static final String OUTCOME_DECISION = "return-outcome";

  public static final class JobTypes {
    /**
     * Stores the eligibility decided per line. Reads returnId, lineDecisions ({lineNo, decision, explanation});
     * sets eligibility: APPROVED (every line approved, or some rejected and the rest approved), REVIEW (any line needs
     * a person) or REJECTED (no line approved).
     */
    public static final String RECORD_RETURN_ELIGIBILITY = "record-return-eligibility";
    /** Stores customer service's review. Reads returnId, reviewDecision (APPROVE | REJECT), reviewNote; sets eligibility. */
    public static final String RECORD_RETURN_REVIEW = "record-return-review";
    /** The request is refused; reads returnId. */
    public static final String REJECT_RETURN = "reject-return";
    /**
     * The RMA is approved: a return label is booked with the courier. Reads returnId; sets returnTrackingNumber and
     * inspectedLines (one context per approved line {lineNo, sku, productName, expectedQuantity, condition: null,
     * notes: null}) for the inspection form.
     */
    public static final String ISSUE_RETURN_LABEL = "issue-return-label";
    /** No parcel came back in time: the RMA is closed and its label cancelled. Reads returnId. */
    public static final String EXPIRE_RETURN = "expire-return";
    /**
     * Records the warehouse's scan and inspection. Reads returnId, scannedItems (text, one barcode or SKU per line),
     * inspectedLines (condition and notes per line); sets receivedLines ({lineNo, sku, category, receivedQuantity,
     * condition}, only lines with something received), anythingReceived (boolean).
     */
    public static final String RECORD_RETURN_INSPECTION = "record-return-inspection";
    /**
     * Applies the outcome per line to the stock: RESTOCK (back to the SKU's bin, available again), REFURBISH or
     * SCRAP (recorded, not available). Reads returnId, lineOutcomes ({lineNo, outcome, explanation}).
     */
    public static final String PUT_AWAY_RETURNED_ITEMS = "put-away-returned-items";
    /**
     * Refunds the received lines (and the shipping cost when the shop is at fault) the way the customer paid or
     * chose. Reads returnId; sets refundRoute: DONE (card refunded, store credit issued, invoice reduced, or nothing
     * to refund) or BANK_PAYOUT (finance pays it out by bank transfer).
     */
    public static final String REFUND_RETURN = "refund-return";
    /* refund-return also sets refundAmount (number) and refundCurrency, shown to finance in the payout form. */
    /** Finance paid the refund out. Reads returnId, payoutReference. */
    public static final String RECORD_RETURN_PAYOUT = "record-return-payout";
    /**
     * Customer service decided to replace: a new order for the same items, free of charge, goes through the normal
     * fulfilment. Reads returnId; sets replacementOrderId.
     */
    public static final String SEND_REPLACEMENT = "send-replacement";
    /** The RMA is complete (refunded, replaced, or nothing came back). Reads returnId. */
    public static final String CLOSE_RETURN = "close-return";
    /**
     * Tells the customer about the return; the task's {@code topic} header says what. Reads returnId. The step's
     * element instance is the de-duplication key.
     */
    public static final String NOTIFY_RETURN_CUSTOMER = "notify-return-customer";

    private JobTypes() {}
  }

  public static final class Messages {
    /**
     * The return parcel reached the warehouse: the courier reported it delivered there, or the dock scanned the RMA
     * label. Correlation key = the RMA number.
     */
    public static final String RETURN_PARCEL_ARRIVED = "return-parcel-arrived";

    private Messages() {}
  }

  /** Values of the {@code topic} header of the customer mails. */
  public static final class Topics {
    public static final String RETURN_REQUESTED = "RETURN_REQUESTED";
    public static final String RETURN_APPROVED = "RETURN_APPROVED";
    public static final String RETURN_REJECTED = "RETURN_REJECTED";
    public static final String RETURN_ARRIVED = "RETURN_ARRIVED";
    public static final String RETURN_REFUNDED = "RETURN_REFUNDED";
    public static final String RETURN_REPLACEMENT = "RETURN_REPLACEMENT";
    public static final String RETURN_EXPIRED = "RETURN_EXPIRED";

    private Topics() {}
  }

  public static final class Forms {
    public static final String REVIEW_RETURN = "review-return";
    public static final String INSPECT_RETURN = "inspect-return";
    public static final String DECIDE_COMPLAINT = "decide-complaint";
    public static final String PAY_OUT_REFUND = "pay-out-refund";

    private Forms() {}
  }

  public static final class Elements {
    public static final String CHECK_ELIGIBILITY = "BusinessRuleTask_CheckEligibility";
    public static final String REVIEW_RETURN = "UserTask_ReviewReturn";
    public static final String AWAIT_PARCEL = "Gateway_AwaitParcel";
    public static final String PARCEL_ARRIVED = "IntermediateCatchEvent_ParcelArrived";
    public static final String INSPECT_RETURN = "UserTask_InspectReturn";
    public static final String DECIDE_OUTCOME = "BusinessRuleTask_DecideOutcome";
    public static final String DECIDE_COMPLAINT = "UserTask_DecideComplaint";
    public static final String PAY_OUT_REFUND = "UserTask_PayOutRefund";
    public static final String RETURN_CLOSED = "EndEvent_ReturnClosed";
    public static final String RETURN_REJECTED = "EndEvent_ReturnRejected";
    public static final String RETURN_EXPIRED = "EndEvent_ReturnExpired";

    private Elements() {}
  }

  private ReturnProcess() {}
}
