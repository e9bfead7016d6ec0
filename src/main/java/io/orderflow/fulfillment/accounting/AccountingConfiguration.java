package io.orderflow.fulfillment.accounting;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({SellerSettings.class, VatSettings.class})
class AccountingConfiguration {}
