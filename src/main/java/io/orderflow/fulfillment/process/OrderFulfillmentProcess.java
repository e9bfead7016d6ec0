package io.orderflow.fulfillment.process;

/**
 * Names shared by processes/order-fulfillment.bpmn, the workers, the facades and the tests. They must match the
 * model exactly; {@code ProcessModelRulesTest} checks that they do.
 */
public final class OrderFulfillmentProcess {

  public static final String PROCESS_ID = "order-fulfillment";

  public static final class JobTypes {
    public static final String RESERVE_STOCK = "reserve-stock";
    public static final String RECORD_BACKORDER = "record-backorder";
    public static final String OFFER_SHIPPING_QUOTE = "offer-shipping-quote";
    public static final String CONFIRM_QUOTE_ACCEPTANCE = "confirm-quote-acceptance";
    public static final String EXPIRE_ORDER = "expire-order";
    public static final String ACKNOWLEDGE_ORDER = "acknowledge-order";
    public static final String NOTIFY_CUSTOMER = "notify-customer";
    public static final String NOTIFY_DEPARTMENT = "notify-department";
    public static final String BOOK_COURIER = "book-courier";
    /** The parcel was handed over at the dock: its goods leave the stock and it counts as shipped. */
    public static final String DISPATCH_PARCEL = "dispatch-parcel";
    /** Compensation of booking the courier: the booking is withdrawn. */
    public static final String CANCEL_COURIER_BOOKING = "cancel-courier-booking";
    /** Compensation of picking: the picked goods go back to their bins (and their serial numbers are free again). */
    public static final String RETURN_PICKED_GOODS = "return-picked-goods";
    /** A cancelled parcel's reservations in its warehouse are given back. */
    public static final String RELEASE_PARCEL_STOCK = "release-parcel-stock";
    /** The cancelled parcel is recorded on the order; output parcelCancelled = true. */
    public static final String CANCEL_PARCEL = "cancel-parcel";
    /** Customer service decided the undeliverable or damaged parcel comes back: the courier is asked to return it. */
    public static final String RETURN_PARCEL_TO_SENDER = "return-parcel-to-sender";
    /** The returned parcel was received: resellable goods go back on hand; output parcelReturned = true. */
    public static final String RESTOCK_RETURNED_PARCEL = "restock-returned-parcel";
    public static final String CAPTURE_PAYMENT = "capture-payment";
    public static final String MARK_ORDER_DELIVERED = "mark-order-delivered";
    public static final String RELEASE_STOCK = "release-stock";
    public static final String CANCEL_ORDER = "cancel-order";
    /** Issues the VAT invoice of a parcel handed to the courier; reads orderId, shipmentNo; sets nothing. */
    public static final String ISSUE_VAT_INVOICE = "issue-vat-invoice";
    /** Undoes the order's payment (compensation of "Take payment"): void or refund; reads orderId; sets nothing. */
    public static final String REFUND_PAYMENT = "refund-payment";
    /** Undoes one cancelled parcel's share of the payment; reads orderId, shipmentNo; sets nothing. */
    public static final String REFUND_SHIPMENT = "refund-shipment";

    private JobTypes() {}
  }

  /** Custom headers of the notification tasks: who is told ({@code department}) and about what ({@code topic}). */
  public static final class Headers {
    public static final String DEPARTMENT = "department";
    public static final String TOPIC = "topic";

    private Headers() {}
  }

  public static final class Messages {
    /** The courier reports one parcel delivered; correlation key = the parcel's tracking number. */
    public static final String PARCEL_DELIVERED = "parcel-delivered";
    /**
     * The courier could not deliver one parcel; correlation key = tracking number; variables courierEventType,
     * courierReason, courierLocation.
     */
    public static final String PARCEL_DELIVERY_FAILED = "parcel-delivery-failed";
    /** The courier reports one parcel damaged; correlation key = tracking number; variables as for a failed delivery. */
    public static final String PARCEL_DAMAGED = "parcel-damaged";
    /** The customer decides about unavailable items; correlation key = order id; variable backorderChoice. */
    public static final String BACKORDER_DECISION = "backorder-decision";
    /** The customer accepts the shipping quote; correlation key = order id. */
    public static final String QUOTE_ACCEPTED = "quote-accepted";
    /**
     * The whole order is cancelled before the warehouse started on it; correlation key = order id; variable
     * cancellationReason.
     */
    public static final String ORDER_CANCELLATION = "order-cancellation";
    /**
     * One parcel is cancelled before hand-over; correlation key = order id + "/" + shipment number (see
     * {@link #parcelKey}); variable cancellationReason.
     */
    public static final String PARCEL_CANCELLATION = "parcel-cancellation";
    /** The courier brought a parcel back to its warehouse; correlation key = tracking number. */
    public static final String PARCEL_RETURNED = "parcel-returned";

    /** The correlation key of one parcel of an order, as the parcel's subprocess computes it. */
    public static String parcelKey(String orderId, int shipmentNo) {
      return orderId + "/" + shipmentNo;
    }

    /** The customer asks a question about the order; correlation key = order id; variable question. */
    public static final String CUSTOMER_QUESTION = "customer-question";
    /**
     * Stock arrived for a backorder order and is reserved for it (oldest waiting orders first): its process leaves
     * "Wait for backordered goods" and goes on with "Reserve stock", which finds the reservation made. Correlation key
     * = the backorder order's id; no variables.
     */
    public static final String BACKORDER_STOCK_ALLOCATED = "backorder-stock-allocated";

    private Messages() {}
  }

  public static final class Errors {
    public static final String OUT_OF_STOCK = "OUT_OF_STOCK";
    public static final String NO_SHIPPING_QUOTE = "NO_SHIPPING_QUOTE";
    /** Thrown inside the payment process; caught on the "Take payment" call activity. */
    public static final String PAYMENT_FAILED = "PAYMENT_FAILED";

    private Errors() {}
  }

  public static final class Variables {
    public static final String ORDER_ID = "orderId";
    public static final String ORDER_NUMBER = "orderNumber";
    public static final String PAYMENT_METHOD = "paymentMethod";
    public static final String DELIVERY_METHOD = "deliveryMethod";
    public static final String MARKETING_CONSENT = "marketingConsent";
    /** Where the order came from (an {@code OrderChannel} name: WEB_SHOP, MARKETPLACE, ..., CAMPAIGN); set at the start. */
    public static final String CHANNEL = "channel";
    /**
     * Whether the customer pays for the order (false for a free replacement shipment): when false, "Customer pays?"
     * skips waiting for the customer's acceptance of the shipping quote. Set at the start.
     */
    public static final String CHARGE_CUSTOMER = "chargeCustomer";
    /**
     * True for a backorder order (the units of an earlier order no warehouse had, which the customer chose to wait
     * for): its process first waits for {@link Messages#BACKORDER_STOCK_ALLOCATED}, and "Customer pays?" does not wait
     * for a quote acceptance (the customer agreed when choosing to wait; the second parcel ships at the shop's cost).
     * Set at the start of every order (false for the others).
     */
    public static final String BACKORDER = "backorder";
    /** How long a backorder order waits for its goods (ISO-8601 duration, e.g. P30D) before it is cancelled. */
    public static final String BACKORDER_MAX_WAIT = "backorderMaxWait";
    /** Output of record-backorder: the id of the backorder order placed for the unavailable units. */
    public static final String BACKORDER_ORDER_ID = "backorderOrderId";
    public static final String WAREHOUSE_CODE = "warehouseCode";
    /** The planned parcels: a list of {shipmentNo, warehouseCode, distanceKm, weightKg}. */
    public static final String SHIPMENTS = "shipments";
    public static final String SHIPMENT_NO = "shipmentNo";
    public static final String ALL_AVAILABLE = "allAvailable";
    public static final String BACKORDER_CHOICE = "backorderChoice";
    public static final String SHIPMENT_QUOTES = "shipmentQuotes";
    public static final String QUOTE_VALID_UNTIL = "quoteValidUntil";
    /** How long the quote is open (ISO-8601 duration, e.g. PT30M); the expiry timer waits this long. */
    public static final String QUOTE_VALID_FOR = "quoteValidFor";
    public static final String QUESTION = "question";
    public static final String TRACKING_NUMBER = "trackingNumber";
    public static final String CANCELLATION_REASON = "cancellationReason";
    /** Set true on the parcel's scope when it was cancelled; the order is cancelled when every parcel is. */
    public static final String PARCEL_CANCELLED = "parcelCancelled";
    /** Output of cancelling a parcel: whether other parcels of the order are still coming. */
    public static final String OTHER_PARCELS_LEFT = "otherParcelsLeft";
    /** Set true on the parcel's scope when it came back to the warehouse and was taken off the bill. */
    public static final String PARCEL_RETURNED = "parcelReturned";
    /** The receiving form's verdict on a returned parcel: RESELLABLE or DAMAGED. */
    public static final String RETURNED_CONDITION = "returnedCondition";
    public static final String PACKAGE_TYPE = "packageType";
    public static final String PARCEL_WEIGHT_KG = "parcelWeightKg";
    /** The courier-selection decision's result for a parcel, {carrier, collectionCutoff}; read by book-courier. */
    public static final String COURIER = "courier";
    public static final String PAYMENT_STATUS = "paymentStatus";

    private Variables() {}
  }

  /** The customer's answer about unavailable items. */
  public enum BackorderChoice { SHIP_AVAILABLE, CANCEL }

  public static final class Elements {
    public static final String PICK_ORDER = "UserTask_PickOrder";
    public static final String PACK_ORDER = "UserTask_PackOrder";
    public static final String LABEL_PARCEL = "UserTask_LabelParcel";
    public static final String HAND_OVER_PARCEL = "UserTask_HandOverParcel";
    public static final String RECEIVE_RETURNED_PARCEL = "UserTask_ReceiveReturnedParcel";
    public static final String ARRANGE_REDELIVERY = "UserTask_ArrangeRedelivery";
    public static final String CHECK_DAMAGED_PARCEL = "UserTask_CheckDamagedParcel";
    public static final String PARCEL_DELIVERED = "IntermediateCatchEvent_ParcelDelivered";
    public static final String BACKORDER_DECISION = "IntermediateCatchEvent_BackorderDecision";
    /** Where a backorder order waits for its goods. */
    public static final String BACKORDER_STOCK_ALLOCATED = "IntermediateCatchEvent_BackorderStockAllocated";
    public static final String QUOTE_ACCEPTED = "IntermediateCatchEvent_QuoteAccepted";
    public static final String TAKE_PAYMENT = "CallActivity_TakePayment";
    public static final String FOLLOW_UP_FAILED_PAYMENT = "UserTask_FollowUpFailedPayment";
    public static final String ANSWER_QUESTION = "UserTask_AnswerQuestion";

    private Elements() {}
  }

  private OrderFulfillmentProcess() {}
}
