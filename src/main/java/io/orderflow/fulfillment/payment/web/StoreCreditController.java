package io.orderflow.fulfillment.payment.web;

import io.orderflow.fulfillment.payment.StoreCredits;
import io.orderflow.fulfillment.security.CurrentUser;
import io.orderflow.fulfillment.shared.ForbiddenException;
import io.orderflow.fulfillment.shared.InvalidRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Store credit issued for returns: a customer reads their own (by the e-mail they signed in with); customer service,
 * finance and ops read anyone's with {@code ?email=}.
 */
@RestController
class StoreCreditController {

  private final StoreCredits storeCredits;

  StoreCreditController(StoreCredits storeCredits) {
    this.storeCredits = storeCredits;
  }

  /** The balance per currency and the credits, oldest first; 403 when a customer asks for another e-mail. */
  @GetMapping("/api/store-credit")
  StoreCredits.Account storeCredit(@RequestParam(required = false) String email) {
    CurrentUser user = CurrentUser.required();
    if (user.customerOnly()) {
      if (email != null && !email.isBlank() && !user.owns(email.trim())) {
        throw new ForbiddenException("Customers read their own store credit (" + user.email() + "), not " + email);
      }
      if (user.email() == null || user.email().isBlank()) {
        throw new ForbiddenException("Your sign-in carries no e-mail address, so no store credit can be yours");
      }
      return storeCredits.account(user.email());
    }
    if (email == null || email.isBlank()) {
      throw new InvalidRequestException("email", "is required: the customer's e-mail address");
    }
    return storeCredits.account(email);
  }
}
