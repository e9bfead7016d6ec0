package io.orderflow.fulfillment.accounting;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The shop as the seller on its VAT invoices.
 *
 * @param name {@code fulfillment.seller.name}, the legal name
 * @param address {@code fulfillment.seller.address}, one line
 * @param vatId {@code fulfillment.seller.vat-id}, the VAT identification number
 */
@ConfigurationProperties("fulfillment.seller")
record SellerSettings(@DefaultValue("Orderflow Shop S.L.") String name,
    @DefaultValue("Calle de Alcalá 21, 28014 Madrid, Spain") String address,
    @DefaultValue("ESB12345678") String vatId) {}
