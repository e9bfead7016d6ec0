package io.orderflow.fulfillment.process;

/**
 * Names shared by processes/replenishment.bpmn (one instance per SKU and warehouse while it runs), its decision
 * (replenishment-source.dmn), its forms, the workers, the facades and the tests.
 *
 * <p>The process starts on the message {@link Messages#REPLENISHMENT_NEEDED} with the variables {@code sku} and
 * {@code warehouseId}; the message's correlation key {@code sku@warehouseId} ({@link #key}) makes the engine start at
 * most one instance per SKU and warehouse while one is active. Every later step reads ids only ({@code sku},
 * {@code warehouseId}, {@code poId}, {@code transferId}); the facts a gateway, the decision or a form needs are set by
 * the worker before it.
 */
public final class ReplenishmentProcess {

  public static final String PROCESS_ID = "replenishment";
  /** TRANSFER from another warehouse's surplus, or PURCHASE from the supplier. */
  public static final String SOURCE_DECISION = "replenishment-source";

  /** The start message's correlation key: one running replenishment per SKU and warehouse. */
  public static String key(String sku, String warehouseId) {
    return sku + "@" + warehouseId;
  }

  public static final class JobTypes {
    /**
     * Reads sku, warehouseId. Sets needed (boolean: available below the reorder point and nothing open for it),
     * neededQuantity, available, reorderPoint, warehouseCode (= warehouseId, for the warehouse's tasks), and the
     * best transfer candidate for the decision: transferSourceWarehouseId (null when no other warehouse has a
     * surplus), transferableQuantity (0 when none), transferDistanceKm (null when none).
     */
    public static final String ASSESS_REPLENISHMENT = "assess-replenishment";
    /**
     * The decision chose a transfer: min(neededQuantity, transferableQuantity) units leave the source warehouse
     * (reserved there, TRANSFER_OUT). Reads sku, warehouseId, transferSourceWarehouseId, neededQuantity. Sets
     * transferId, transferNumber, transferQuantity. Throws {@link Errors#TRANSFER_NOT_POSSIBLE} when the surplus is
     * gone meanwhile (the process buys instead).
     */
    public static final String ORDER_TRANSFER = "order-transfer";
    /**
     * The destination counted the transfer. Reads transferId, transferReceivedQuantity, transferDamagedQuantity,
     * transferNotes. Good units go on hand at the destination (TRANSFER_IN); sets acceptedQuantity.
     */
    public static final String RECEIVE_TRANSFER = "receive-transfer";
    /**
     * Reads sku, warehouseId, neededQuantity. Proposes the purchase order (or returns the open one) and remembers the
     * process instance on it. Sets poId, poNumber, poValue, poCurrency, supplierName, approvalNeeded (value above
     * fulfillment.replenishment.approval-threshold).
     */
    public static final String CREATE_PURCHASE_ORDER = "create-purchase-order";
    /**
     * Records purchasing's decision from the approval form. Reads poId, poDecision (APPROVE | REFUSE), decisionNote,
     * completedBy (who completed the task, when the app's task service completed it). Sets poApproved (boolean).
     */
    public static final String RECORD_PURCHASE_ORDER_DECISION = "record-purchase-order-decision";
    /** Sends the purchase order to its supplier through the supplier port, once. Reads poId. */
    public static final String SEND_PURCHASE_ORDER = "send-purchase-order";
    /** Purchasing gave up on a silent supplier. Reads poId, chaseNote. */
    public static final String CANCEL_PURCHASE_ORDER = "cancel-purchase-order";
    /**
     * Before each goods receipt: reads poId; sets receivedLines (one context per line still open
     * {lineNo, sku, productName, openQuantity, receivedQuantity: null, damagedQuantity: 0, lotOrSerials: null}),
     * deliveryNote null, lastDelivery false, and expectedDeliveryAt (ISO date-time: the expected date's end, when the
     * reminder to the supplier is due).
     */
    public static final String PREPARE_GOODS_RECEIPT = "prepare-goods-receipt";
    /**
     * Records one delivery from the receipt form. Reads poId, deliveryNote, receivedLines, lastDelivery (the supplier
     * sends nothing more: the purchase order closes short), completedBy (who completed the task, when the app's task service did). Idempotent per
     * receive task (the delivery reference includes the job's element instance). Sets poFullyReceived (boolean),
     * receiptNo, receiptDiscrepancies (boolean: over, short or damaged).
     */
    public static final String RECORD_GOODS_RECEIPT = "record-goods-receipt";
    /**
     * Goods of the SKU arrived (purchase or transfer): customer orders waiting for it are given the stock, oldest
     * first, as far as it goes. Reads sku, warehouseId. Sets resumedOrders (list of order numbers).
     */
    public static final String RESUME_WAITING_ORDERS = "resume-waiting-orders";
    /** The expected delivery date passed: the supplier is reminded (once per expected date). Reads poId. */
    public static final String REMIND_SUPPLIER = "remind-supplier";
    /**
     * A mail to purchasing about the purchase order or transfer. Header topic: SUPPLIER_REJECTED |
     * RECEIPT_DISCREPANCY (over, short or damaged units: claim with the supplier) | TRANSFER_DISCREPANCY. Reads poId
     * or transferId, receiptNo.
     */
    public static final String NOTIFY_PURCHASING = "notify-purchasing";

    private JobTypes() {}
  }

  public static final class Messages {
    /** Starts the process; correlation key {@link #key}; variables sku, warehouseId. */
    public static final String REPLENISHMENT_NEEDED = "replenishment-needed";
    /**
     * The supplier answered (the answer is stored before the message is published); correlation key = poId;
     * variable supplierAccepted (boolean).
     */
    public static final String SUPPLIER_ANSWERED = "supplier-answered";

    private Messages() {}
  }

  public static final class Errors {
    public static final String TRANSFER_NOT_POSSIBLE = "TRANSFER_NOT_POSSIBLE";

    private Errors() {}
  }

  public static final class Variables {
    public static final String SKU = "sku";
    public static final String WAREHOUSE_ID = "warehouseId";
    public static final String PO_ID = "poId";
    public static final String TRANSFER_ID = "transferId";
    public static final String SUPPLIER_ACCEPTED = "supplierAccepted";
    /** Approval form: APPROVE | REFUSE. */
    public static final String PO_DECISION = "poDecision";
    public static final String DECISION_NOTE = "decisionNote";
    /** Chase form: WAIT (give the supplier more time) | CANCEL. */
    public static final String CHASE_DECISION = "chaseDecision";
    public static final String CHASE_NOTE = "chaseNote";
    /**
     * Set by the app's task service on every completion it makes (the signed-in user), so the worker after a form can
     * record who decided or counted; absent when Tasklist completed the task.
     */
    public static final String COMPLETED_BY = "completedBy";
    /** Output of resume-waiting-orders: the numbers of the customer orders given the arrived stock. */
    public static final String RESUMED_ORDERS = "resumedOrders";

    private Variables() {}
  }

  public static final class Elements {
    public static final String APPROVE_PURCHASE_ORDER = "UserTask_ApprovePurchaseOrder";
    public static final String CHASE_SUPPLIER = "UserTask_ChaseSupplier";
    public static final String RECEIVE_GOODS = "UserTask_ReceiveGoods";
    public static final String RECEIVE_TRANSFER = "UserTask_ReceiveTransfer";
    public static final String SUPPLIER_ANSWERED = "IntermediateCatchEvent_SupplierAnswered";

    private Elements() {}
  }

  public static final class Forms {
    public static final String APPROVE_PURCHASE_ORDER = "approve-purchase-order";
    public static final String CHASE_SUPPLIER = "chase-supplier";
    public static final String RECEIVE_GOODS = "receive-goods";
    public static final String RECEIVE_TRANSFER = "receive-transfer";

    private Forms() {}
  }

  private ReplenishmentProcess() {}
}
