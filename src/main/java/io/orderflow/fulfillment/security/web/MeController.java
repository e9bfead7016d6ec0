package io.orderflow.fulfillment.security.web;

import io.orderflow.fulfillment.security.CurrentUser;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me}: who is signed in, as the routes and features see them ({@link CurrentUser}), whichever way
 * they came in (bearer token, browser session, HTTP basic). For the pages: a greeting, and which menus to show.
 */
@RestController
class MeController {

  /**
   * @param roles sorted realm roles
   * @param warehouses sorted warehouse ids, empty for people who do not work in a warehouse
   */
  record SignedInUser(String username, String displayName, String email, List<String> roles,
      List<String> warehouses) {

    static SignedInUser of(CurrentUser user) {
      return new SignedInUser(user.username(), user.displayName(), user.email(),
          user.roles().stream().sorted().toList(), user.warehouses().stream().sorted().toList());
    }
  }

  @GetMapping("/api/me")
  SignedInUser me() {
    return SignedInUser.of(CurrentUser.required());
  }
}
