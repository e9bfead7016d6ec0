package io.orderflow.fulfillment.security;

import java.util.List;

/** The realm roles of Keycloak's {@code fulfillment} realm; user tasks' candidate groups are the same names. */
public final class Roles {

  public static final String CUSTOMER = "customer";
  public static final String CUSTOMER_SERVICE = "customer-service";
  public static final String WAREHOUSE = "warehouse";
  public static final String WAREHOUSE_SUPERVISOR = "warehouse-supervisor";
  public static final String FINANCE = "finance";
  public static final String MARKETING = "marketing";
  /** Marketing managers: approve campaigns (someone other than the campaign's author). */
  public static final String MARKETING_MANAGER = "marketing-manager";
  public static final String PURCHASING = "purchasing";
  public static final String OPS = "ops";
  /** Machine callers: the courier's and the bank's callbacks (Keycloak's service account of fulfillment-callbacks). */
  public static final String CALLBACK = "callback";
  /** Business analysts: deploy models (Camunda Modeler's REST calls), see model versions and publications. */
  public static final String ANALYST = "analyst";

  public static final List<String> ALL = List.of(ANALYST, CUSTOMER, CUSTOMER_SERVICE, WAREHOUSE, WAREHOUSE_SUPERVISOR, FINANCE,
      MARKETING, MARKETING_MANAGER, PURCHASING, OPS, CALLBACK);

  private Roles() {}
}
