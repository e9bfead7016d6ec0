/**
 * Fulfilment KPIs: a read-only reporting model over what the other modules record (orders and their milestones, lines,
 * parcels, picks, returns). It reads their tables with plain SQL, portable between H2, MariaDB and MySQL, and never
 * writes; the figures are computed in Java (percentiles, rates), so every database gives the same answer.
 */
package io.orderflow.fulfillment.analytics;
