package io.orderflow.fulfillment.process;

/**
 * Names shared by processes/payment.bpmn (securing the payment before fulfilment) and
 * processes/payment-settlement.bpmn (settling it after delivery), their workers, facades and tests.
 */
public final class PaymentProcess {

  public static final String PROCESS_ID = "payment";
  public static final String SETTLEMENT_PROCESS_ID = "payment-settlement";

  public static final class JobTypes {
    public static final String AUTHORIZE_PAYMENT = "authorize-payment";

    private JobTypes() {}
  }

  public static final class Errors {
    public static final String PAYMENT_DECLINED = "PAYMENT_DECLINED";

    private Errors() {}
  }

  private PaymentProcess() {}
}
