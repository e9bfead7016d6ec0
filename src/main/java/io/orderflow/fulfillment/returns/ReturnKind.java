package io.orderflow.fulfillment.returns;

/** A RETURN (the customer sends goods back, for any reason) or a COMPLAINT (the shop is at fault). */
public enum ReturnKind { RETURN, COMPLAINT }
