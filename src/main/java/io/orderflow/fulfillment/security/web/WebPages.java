package io.orderflow.fulfillment.security.web;

import io.orderflow.fulfillment.security.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of the sign-in itself (templates/): {@code /me} shows who is signed in and signs out; {@code /signed-out}
 * is where the sign-out (and a failed sign-in) ends, open to anyone.
 */
@Controller
class WebPages {

  @GetMapping("/me")
  String me(Model model) {
    model.addAttribute("user", MeController.SignedInUser.of(CurrentUser.required()));
    return "me";
  }

  @GetMapping("/signed-out")
  String signedOut(@RequestParam(required = false) String failed, Model model) {
    model.addAttribute("failed", failed != null);
    return "signed-out";
  }
}
