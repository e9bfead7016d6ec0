package io.orderflow.fulfillment.payment;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(InvoiceSettings.class)
class PaymentConfiguration {}
