package io.orderflow.fulfillment.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * Serves the application page. Its routes are the URL's fragment ({@code /#/orders/42}), so {@code /} is the only page
 * and every route survives a reload. The page gets the session's masked CSRF token in a meta tag (its sign-out form
 * posts it); it is never cached, while its hashed assets under {@code /assets/} are.
 */
@Controller
class WebAppController {

  static final String PAGE = "static/index.html";
  static final String TOKEN_PLACEHOLDER = "__CSRF_TOKEN__";

  private volatile String page;

  @GetMapping(value = {"/", "/index.html"}, produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> page(HttpServletRequest request) throws IOException {
    String html = template();
    if (html == null) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.TEXT_PLAIN)
          .body("The pages were not built (the build ran with -Dfrontend.skip=true, or without Node.js/npm). "
              + "The REST API is available: /swagger-ui.html");
    }
    CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    String value = token == null ? "" : HtmlUtils.htmlEscape(token.getToken());
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.TEXT_HTML)
        .body(html.replace(TOKEN_PLACEHOLDER, value));
  }

  /**
   * Starts a sign-in (the route needs an authenticated session, so an anonymous browser goes to the login form or to
   * Keycloak first) and then opens the page at the route it came from.
   */
  @GetMapping("/signin")
  String signIn(@RequestParam(name = "to", required = false) String to) {
    return "redirect:/#" + safeRoute(to);
  }

  /** Only a route of this page: a path starting with a single slash, made of URL-safe characters. */
  static String safeRoute(String to) {
    if (to == null || !to.matches("/[A-Za-z0-9/_\\-.~%?=&]*") || to.startsWith("//")) {
      return "/";
    }
    return to;
  }

  private String template() throws IOException {
    String cached = page;
    if (cached == null) {
      ClassPathResource resource = new ClassPathResource(PAGE);
      if (!resource.exists()) {
        return null;
      }
      try (InputStream in = resource.getInputStream()) {
        cached = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      page = cached;
    }
    return cached;
  }
}
