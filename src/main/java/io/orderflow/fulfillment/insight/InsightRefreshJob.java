package io.orderflow.fulfillment.insight;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Recomputes customer insight every {@code fulfillment.insight.refresh-interval} (default PT6H); the first run is one
 * interval after start, so tests and a fresh start are not disturbed.
 */
@Component
class InsightRefreshJob {

  private static final Logger log = LoggerFactory.getLogger(InsightRefreshJob.class);

  private final CustomerInsights insights;

  InsightRefreshJob(CustomerInsights insights) {
    this.insights = insights;
  }

  @Scheduled(fixedDelayString = "${fulfillment.insight.refresh-interval:PT6H}",
      initialDelayString = "${fulfillment.insight.refresh-interval:PT6H}")
  void refresh() {
    try {
      insights.refresh();
    } catch (RuntimeException e) {
      log.warn("Customer insight refresh failed; the previous results stay until the next run", e);
    }
  }
}
