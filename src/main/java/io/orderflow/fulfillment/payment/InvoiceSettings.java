package io.orderflow.fulfillment.payment;

import java.time.Period;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How invoices are issued: the payment term after the issue date (the invoice is issued when the order is delivered)
 * and the shop's time zone, which decides the invoice year and the day an invoice becomes overdue.
 *
 * @param paymentTerm {@code fulfillment.payment.invoice.payment-term}, e.g. {@code P14D}
 * @param timeZone {@code fulfillment.payment.invoice.time-zone}, e.g. {@code Europe/Madrid}
 */
@ConfigurationProperties("fulfillment.payment.invoice")
record InvoiceSettings(@DefaultValue("P14D") Period paymentTerm, @DefaultValue("Europe/Madrid") ZoneId timeZone) {}
