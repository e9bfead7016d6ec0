package io.orderflow.fulfillment.process;

/**
 * Names shared by processes/payment.bpmn (securing the payment before fulfilment), processes/payment-settlement.bpmn
 * (settling it after delivery), processes/credit-check.dmn, the payment forms, their workers, facades and tests. They
 * must match the models exactly; {@code PaymentModelRulesTest} checks that they do.
 *
 * <p>Contract with the order process: the call activity "Take payment" passes {@link Variables#ORDER_ID} and
 * {@link Variables#PAYMENT_METHOD} and reads {@link Variables#PAYMENT_STATUS}. When the payment cannot be secured the
 * payment process throws {@link Errors#PAYMENT_FAILED} with the variable {@link Variables#CANCELLATION_REASON}.
 */
public final class PaymentProcess {

  public static final String PROCESS_ID = "payment";
  public static final String SETTLEMENT_PROCESS_ID = "payment-settlement";

  /** The payment methods a customer can choose; the models route on them ({@code paymentMethod}). */
  public static final class Methods {
    public static final String CARD = "CARD";
    public static final String BANK_TRANSFER = "BANK_TRANSFER";
    public static final String CASH_ON_DELIVERY = "CASH_ON_DELIVERY";
    public static final String INVOICE = "INVOICE";
    /**
     * Nothing is charged: a replacement shipment (a complaint resolved by sending the items again). Never chosen by a
     * customer; the order process runs with {@code chargeCustomer = false}.
     */
    public static final String NO_CHARGE = "NO_CHARGE";

    private Methods() {}
  }

  public static final class JobTypes {
    // payment.bpmn
    public static final String AUTHORIZE_PAYMENT = "authorize-payment";
    public static final String REQUEST_CARD_UPDATE = "request-card-update";
    public static final String OPEN_BANK_TRANSFER = "open-bank-transfer";
    public static final String CONFIRM_BANK_TRANSFER = "confirm-bank-transfer";
    public static final String REGISTER_CASH_ON_DELIVERY = "register-cash-on-delivery";
    public static final String PREPARE_CREDIT_CHECK = "prepare-credit-check";
    public static final String APPROVE_INVOICE_PAYMENT = "approve-invoice-payment";
    public static final String FAIL_PAYMENT = "fail-payment";
    /** A free replacement order: nothing is charged; the payment is recorded as such. Reads orderId; sets nothing. */
    public static final String RECORD_NO_CHARGE = "record-no-charge";
    // payment-settlement.bpmn
    public static final String EXPECT_CASH_REMITTANCE = "expect-cash-remittance";
    public static final String RECORD_CASH_PAYMENT = "record-cash-payment";
    public static final String ISSUE_INVOICE = "issue-invoice";
    public static final String RECORD_INVOICE_OVERDUE = "record-invoice-overdue";
    public static final String RECORD_INVOICE_PAID = "record-invoice-paid";
    // both models; the workers belong to the notification module
    public static final String NOTIFY_CUSTOMER = "notify-customer";
    public static final String NOTIFY_DEPARTMENT = "notify-department";
    // order-fulfillment.bpmn, in each card-paid parcel's fulfilment after the courier is booked
    public static final String CAPTURE_PAYMENT = "capture-payment";

    private JobTypes() {}
  }

  /** Custom headers of the notification tasks (the same as the order process uses). */
  public static final class Headers {
    public static final String TOPIC = "topic";
    public static final String DEPARTMENT = "department";
    /** Names the variable whose text goes with the notification (instructions, the decline reason, the invoice). */
    public static final String DETAIL_VARIABLE = "detailVariable";

    private Headers() {}
  }

  /** Values of the {@code topic} header of the notification tasks in the payment models. */
  public static final class Topics {
    public static final String CARD_UPDATE_REQUIRED = "CARD_UPDATE_REQUIRED";
    public static final String PAYMENT_INSTRUCTIONS = "PAYMENT_INSTRUCTIONS";
    public static final String TRANSFER_REMINDER = "TRANSFER_REMINDER";
    public static final String INVOICE_ISSUED = "INVOICE_ISSUED";
    public static final String INVOICE_REMINDER = "INVOICE_REMINDER";
    public static final String PAYMENT_RECEIVED = "PAYMENT_RECEIVED";

    private Topics() {}
  }

  public static final class Messages {
    /** The customer gave another card after a decline; correlation key = order id; no variables (never a token). */
    public static final String CARD_UPDATED = "card-updated";
    /**
     * The bank statement shows the customer's transfer; correlation key = order id; variables receivedAmount,
     * amountDue, currency, amountMatches.
     */
    public static final String BANK_TRANSFER_RECEIVED = "bank-transfer-received";
    /** The courier reports the cash collected on delivery; correlation key = order id; same variables as above. */
    public static final String CASH_COLLECTED = "cash-collected";
    /** The bank statement shows the invoice paid in full; correlation key = order id; variable receivedAmount. */
    public static final String INVOICE_PAID = "invoice-paid";

    private Messages() {}
  }

  public static final class Errors {
    /** Thrown by "Authorize card payment" and caught inside payment.bpmn (the customer may give another card). */
    public static final String PAYMENT_DECLINED = "PAYMENT_DECLINED";
    /** Thrown by "Cancel payment" when the payment cannot be secured; caught on the order process's call activity. */
    public static final String PAYMENT_FAILED = OrderFulfillmentProcess.Errors.PAYMENT_FAILED;

    private Errors() {}
  }

  public static final class Decisions {
    public static final String CREDIT_CHECK = "credit-check";

    private Decisions() {}
  }

  public static final class Forms {
    public static final String RESOLVE_PAYMENT_DIFFERENCE = "resolve-payment-difference";
    public static final String REVIEW_CREDIT = "review-credit";
    public static final String RECONCILE_CASH = "reconcile-cash";
    public static final String CHASE_CASH_REMITTANCE = "chase-cash-remittance";
    public static final String HANDLE_OVERDUE_INVOICE = "handle-overdue-invoice";

    private Forms() {}
  }

  /** The role that works on the payment tasks (candidate group) and the department that is told about payments. */
  public static final String FINANCE = "finance";

  public static final class Variables {
    // contract with the order process
    public static final String ORDER_ID = "orderId";
    public static final String PAYMENT_METHOD = "paymentMethod";
    public static final String PAYMENT_STATUS = "paymentStatus";
    public static final String CANCELLATION_REASON = "cancellationReason";
    public static final String SHIPMENT_NO = "shipmentNo";
    // written by the workers
    public static final String ORDER_NUMBER = "orderNumber";
    public static final String AMOUNT_DUE = "amountDue";
    public static final String CURRENCY = "currency";
    public static final String CARD_ATTEMPTS = "cardAttempts";
    public static final String DECLINE_REASON = "declineReason";
    public static final String PAYMENT_REFERENCE = "paymentReference";
    public static final String DELIVERED_ORDER_COUNT = "deliveredOrderCount";
    public static final String OPEN_INVOICE_AMOUNT = "openInvoiceAmount";
    public static final String INVOICE_NUMBER = "invoiceNumber";
    /** The instant the invoice becomes overdue (ISO 8601, the start of the day after its due date). */
    public static final String INVOICE_DUE_AT = "invoiceDueAt";
    /** The customer's sentence about the invoice: number, amount, due date, payment reference. */
    public static final String INVOICE_TEXT = "invoiceText";
    /** The customer's sentence about the bank transfer: amount and payment reference. */
    public static final String PAYMENT_INSTRUCTIONS = "paymentInstructions";
    // carried by the messages
    public static final String RECEIVED_AMOUNT = "receivedAmount";
    public static final String AMOUNT_MATCHES = "amountMatches";
    // the credit-check decision's result: {decision, reason}
    public static final String CREDIT_CHECK = "creditCheck";
    // set by the models' output mappings: the sentence the customer reads when the payment fails
    public static final String FAILURE_REASON = "failureReason";
    // form fields
    public static final String DIFFERENCE_DECISION = "differenceDecision";
    public static final String DIFFERENCE_NOTE = "differenceNote";
    public static final String CREDIT_REVIEW_DECISION = "creditReviewDecision";
    public static final String CREDIT_REVIEW_NOTE = "creditReviewNote";
    public static final String SETTLED_AMOUNT = "settledAmount";
    public static final String RECONCILIATION_NOTE = "reconciliationNote";
    public static final String CHASE_NOTE = "chaseNote";
    public static final String OVERDUE_ACTION = "overdueAction";
    public static final String OVERDUE_NOTE = "overdueNote";

    private Variables() {}
  }

  /** The answers of the finance forms. */
  public enum DifferenceDecision { ACCEPT, REJECT }

  public enum CreditReviewDecision { APPROVE, REJECT }

  /** The outcomes of the credit-check decision. */
  public enum CreditDecision { APPROVE, REVIEW, REJECT }

  public static final class Elements {
    // payment.bpmn
    public static final String PAYMENT_METHOD = "Gateway_PaymentMethod";
    public static final String AUTHORIZE_CARD = "ServiceTask_AuthorizeCard";
    public static final String CARD_DECLINED = "BoundaryEvent_CardDeclined";
    public static final String WAIT_FOR_NEW_CARD = "ReceiveTask_CardUpdated";
    public static final String NEW_CARD_OVERDUE = "BoundaryEvent_NewCardOverdue";
    public static final String CARD_AUTHORIZED = "EndEvent_CardAuthorized";
    public static final String FAIL_CARD_PAYMENT = "ServiceTask_FailCardPayment";
    public static final String OPEN_BANK_TRANSFER = "ServiceTask_OpenBankTransfer";
    public static final String WAIT_FOR_TRANSFER = "ReceiveTask_BankTransferReceived";
    public static final String TRANSFER_REMINDER_DUE = "BoundaryEvent_TransferReminderDue";
    public static final String TRANSFER_OVERDUE = "BoundaryEvent_TransferOverdue";
    public static final String RESOLVE_PAYMENT_DIFFERENCE = "UserTask_ResolvePaymentDifference";
    public static final String TRANSFER_RECEIVED = "EndEvent_TransferReceived";
    public static final String FAIL_TRANSFER_PAYMENT = "ServiceTask_FailTransferPayment";
    public static final String CASH_ON_DELIVERY_REGISTERED = "EndEvent_CashOnDeliveryRegistered";
    public static final String CHECK_CREDIT = "BusinessRuleTask_CheckCredit";
    public static final String REVIEW_CREDIT = "UserTask_ReviewCredit";
    public static final String INVOICE_APPROVED = "EndEvent_InvoiceApproved";
    public static final String FAIL_INVOICE_PAYMENT = "ServiceTask_FailInvoicePayment";
    // payment-settlement.bpmn
    public static final String NOTHING_TO_SETTLE = "EndEvent_NothingToSettle";
    public static final String WAIT_FOR_CASH = "ReceiveTask_CashCollected";
    public static final String CASH_REMITTANCE_OVERDUE = "BoundaryEvent_CashRemittanceOverdue";
    public static final String CHASE_CASH_REMITTANCE = "UserTask_ChaseCashRemittance";
    public static final String RECONCILE_CASH = "UserTask_ReconcileCash";
    public static final String CASH_SETTLED = "EndEvent_CashSettled";
    public static final String ISSUE_INVOICE = "ServiceTask_IssueInvoice";
    public static final String WAIT_FOR_INVOICE_PAYMENT = "ReceiveTask_InvoicePaid";
    public static final String INVOICE_DUE = "BoundaryEvent_InvoiceDue";
    public static final String INVOICE_LONG_OVERDUE = "BoundaryEvent_InvoiceLongOverdue";
    public static final String HANDLE_OVERDUE_INVOICE = "UserTask_HandleOverdueInvoice";
    public static final String INVOICE_PAID = "EndEvent_InvoicePaid";

    private Elements() {}
  }

  private PaymentProcess() {}
}
