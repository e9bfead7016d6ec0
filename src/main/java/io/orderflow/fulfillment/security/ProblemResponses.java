package io.orderflow.fulfillment.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * 401 and 403 as RFC 9457 problems ({@code application/problem+json}), like every other API error. The detail says
 * what to do: sign in (401), or which role may not do what (403), or send the CSRF token (403, browser sessions).
 * Tokens and passwords are never echoed or logged.
 */
final class ProblemResponses {

  static final String CSRF_DETAIL = "The CSRF token is missing or wrong: a request of a signed-in browser session "
      + "sends the value of the XSRF-TOKEN cookie in the X-XSRF-TOKEN header (requests with a bearer token need none)";

  private final ObjectMapper json;
  private final String challenge;

  ProblemResponses(ObjectMapper json, String challenge) {
    this.json = json;
    this.challenge = challenge;
  }

  AuthenticationEntryPoint unauthorized() {
    return (request, response, e) -> {
      // the pages' own calls (X-Requested-With) get no Basic challenge: a browser would open its password dialog
      // instead of letting the page offer the sign-in
      if (!(challenge.startsWith("Basic") && "XMLHttpRequest".equals(request.getHeader("X-Requested-With")))) {
        response.setHeader("WWW-Authenticate", challenge(e));
      }
      write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", signIn(e), request);
    };
  }

  AccessDeniedHandler forbidden() {
    return (request, response, e) -> {
      if (e instanceof CsrfException) {
        write(response, HttpStatus.FORBIDDEN, "Forbidden", CSRF_DETAIL, request);
        return;
      }
      Authentication auth = SecurityContextHolder.getContext().getAuthentication();
      String roles = CurrentUser.from(auth).map(CurrentUser::describeRoles).orElse("(none)");
      String detail = "Your role " + roles + " may not " + request.getMethod() + " " + path(request);
      write(response, HttpStatus.FORBIDDEN, "Forbidden", detail, request);
    };
  }

  private String challenge(AuthenticationException e) {
    if (challenge.startsWith("Bearer") && e instanceof InvalidBearerTokenException) {
      return "Bearer error=\"invalid_token\"";
    }
    return challenge;
  }

  private static String signIn(AuthenticationException e) {
    if (e instanceof InvalidBearerTokenException) {
      return "Sign in: the bearer token is not valid (expired, wrong issuer or audience, or a bad signature)";
    }
    if (e instanceof org.springframework.security.authentication.BadCredentialsException) {
      return "Sign in: the user name or password is wrong";
    }
    return "Sign in: this request needs an authenticated user";
  }

  private void write(HttpServletResponse response, HttpStatus status, String title, String detail,
      HttpServletRequest request) throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setType(URI.create("about:blank"));
    problem.setInstance(URI.create(path(request)));
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }

  static String path(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
  }
}
