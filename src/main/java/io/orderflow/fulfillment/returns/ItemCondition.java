package io.orderflow.fulfillment.returns;

/** The condition the warehouse found a returned item in. */
public enum ItemCondition { AS_NEW, OPENED, USED, DAMAGED, DEFECTIVE }
