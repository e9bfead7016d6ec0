package io.orderflow.fulfillment.process;

/**
 * Names shared by processes/order-fulfillment.bpmn, the workers, the facades and the tests. They must match the
 * model exactly; {@code OrderFulfillmentModelTest} checks that they do.
 */
public final class OrderFulfillmentProcess {

  public static final String PROCESS_ID = "order-fulfillment";

  public static final class JobTypes {
    public static final String RESERVE_STOCK = "reserve-stock";
    public static final String AUTHORIZE_PAYMENT = "authorize-payment";
    public static final String BOOK_COURIER = "book-courier";
    public static final String MARK_ORDER_DELIVERED = "mark-order-delivered";
    public static final String RELEASE_STOCK = "release-stock";
    public static final String CANCEL_ORDER = "cancel-order";

    private JobTypes() {}
  }

  public static final class Messages {
    /** Published when the courier reports the parcel delivered; correlation key = order id. */
    public static final String PARCEL_DELIVERED = "parcel-delivered";

    private Messages() {}
  }

  public static final class Errors {
    public static final String OUT_OF_STOCK = "OUT_OF_STOCK";
    public static final String PAYMENT_DECLINED = "PAYMENT_DECLINED";

    private Errors() {}
  }

  public static final class Variables {
    public static final String ORDER_ID = "orderId";
    public static final String ORDER_NUMBER = "orderNumber";
    public static final String WAREHOUSE_CODE = "warehouseCode";
    public static final String TRACKING_NUMBER = "trackingNumber";
    public static final String CANCELLATION_REASON = "cancellationReason";
    public static final String PACKAGE_TYPE = "packageType";
    public static final String PARCEL_WEIGHT_KG = "parcelWeightKg";

    private Variables() {}
  }

  public static final class Elements {
    public static final String PICK_ORDER = "UserTask_PickOrder";
    public static final String PACK_ORDER = "UserTask_PackOrder";
    public static final String PARCEL_DELIVERED = "IntermediateCatchEvent_ParcelDelivered";

    private Elements() {}
  }

  private OrderFulfillmentProcess() {}
}
