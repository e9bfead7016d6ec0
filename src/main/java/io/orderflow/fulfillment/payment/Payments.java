package io.orderflow.fulfillment.payment;

import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.order.OrderService.OrderSummary;
import io.orderflow.fulfillment.payment.PaymentGateway.AuthorizationRequest;
import io.orderflow.fulfillment.payment.PaymentGateway.AuthorizationResult;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Authorizes the order's amount once; the answer is stored per order, so a repeated job gets the same outcome. */
@Service
public class Payments {

  private static final Logger log = LoggerFactory.getLogger(Payments.class);

  public sealed interface Outcome {
    record Authorized(String authorizationId) implements Outcome {}

    record Declined(String code, String reason) implements Outcome {}
  }

  private final PaymentAuthorizationRepository authorizations;
  private final PaymentGateway gateway;
  private final OrderService orders;
  private final TransactionTemplate tx;
  private final Clock clock;

  Payments(PaymentAuthorizationRepository authorizations, PaymentGateway gateway, OrderService orders,
      PlatformTransactionManager txManager, Clock clock) {
    this.authorizations = authorizations;
    this.gateway = gateway;
    this.orders = orders;
    this.tx = new TransactionTemplate(txManager);
    this.clock = clock;
  }

  public Outcome authorize(String orderId) {
    Optional<Outcome> known = known(orderId);
    if (known.isPresent()) {
      return known.get();
    }
    OrderSummary order = orders.summary(orderId);
    // The provider call is outside the transaction; its idempotency key (the order id) makes a retry safe.
    AuthorizationResult result = gateway.authorize(new AuthorizationRequest(orderId, order.paymentReference(),
        order.amountDue(), order.currency()));
    try {
      return tx.execute(status -> {
        String currency = order.currency().getCurrencyCode();
        if (result instanceof AuthorizationResult.Approved approved) {
          authorizations.saveAndFlush(PaymentAuthorization.approved(orderId, order.amountDue(), currency,
              approved.authorizationId(), clock.instant()));
          orders.paymentAuthorized(orderId);
          log.info("Payment of order {} authorized ({} {})", orderId, order.amountDue(), currency);
          return new Outcome.Authorized(approved.authorizationId());
        }
        AuthorizationResult.Declined declined = (AuthorizationResult.Declined) result;
        authorizations.saveAndFlush(PaymentAuthorization.declined(orderId, order.amountDue(), currency,
            declined.code(), clock.instant()));
        log.info("Payment of order {} declined: {}", orderId, declined.code());
        return new Outcome.Declined(declined.code(), declined.message());
      });
    } catch (DataIntegrityViolationException concurrentDuplicate) {
      return known(orderId).orElseThrow(() -> concurrentDuplicate);
    }
  }

  private Optional<Outcome> known(String orderId) {
    return authorizations.findByOrderId(orderId).map(a -> a.status() == PaymentAuthorization.Status.AUTHORIZED
        ? new Outcome.Authorized(a.providerReference())
        : new Outcome.Declined(a.declineCode(), "Declined by the payment provider"));
  }
}
