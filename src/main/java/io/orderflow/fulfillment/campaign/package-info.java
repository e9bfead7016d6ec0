/**
 * Marketing campaigns (issue 8, supplier-initiated orders): marketing defines a campaign (a segment or a recommended
 * SKU rule, products, a discount, a validity); a marketing manager other than its author approves it; one offer goes to
 * each selected customer who consented to marketing; an accepted offer places an ordinary order (channel CAMPAIGN, the
 * discounted prices) through the order module's {@code OrderPlacement.placeFromOffer}. Runs processes/campaign.bpmn
 * (V28).
 */
package io.orderflow.fulfillment.campaign;
