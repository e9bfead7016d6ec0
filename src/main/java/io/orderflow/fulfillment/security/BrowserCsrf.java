package io.orderflow.fulfillment.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;

/**
 * CSRF protection of browser sessions, shared by both filter chains: one token in the {@code XSRF-TOKEN} cookie
 * (readable by the pages' scripts, {@code SameSite=Lax}). Forms rendered by the app carry it masked in {@code _csrf}
 * (BREACH-safe); scripts send the cookie's value in the {@code X-XSRF-TOKEN} header.
 *
 * <p>Pages: every state-changing request (sign-in form, sign-out). API: only those the session cookie authenticates;
 * a request with the API's own {@code Authorization} scheme ({@code Bearer} with Keycloak, {@code Basic} with the
 * built-in users) is authenticated by that header (a bad one gets 401, never the session's sign-in), so scripts and
 * machine callers with tokens send no CSRF token, and a caller without any credentials gets its 401.
 */
final class BrowserCsrf {

  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "TRACE", "OPTIONS");

  private BrowserCsrf() {}

  static CookieCsrfTokenRepository repository() {
    CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
    repository.setCookiePath("/");
    repository.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
    return repository;
  }

  /**
   * The API's state-changing requests that a signed-in session authenticates: a session with a sign-in, and no
   * {@code Authorization} header of the API's scheme. Without a signed-in session nothing is at stake (the request
   * gets its 401 or goes through on its header), so such callers never see a CSRF refusal.
   */
  static RequestMatcher apiRequestsOfSignedInSessions(String scheme) {
    String prefix = scheme.toLowerCase(Locale.ROOT) + " ";
    return request -> {
      if (SAFE_METHODS.contains(request.getMethod())) {
        return false;
      }
      String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
      if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith(prefix)) {
        return false;
      }
      HttpSession session = request.getSession(false);
      return session != null
          && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null;
    };
  }

  /**
   * Accepts the token masked (form field) or as the cookie has it (header).
   *
   * @param eager load the token on every request, so that a page's response sets the cookie for its scripts (the web
   *     pages); the API leaves it lazy, so that its responses set no cookie unless a browser request needed the check
   */
  static CsrfTokenRequestHandler requestHandler(boolean eager) {
    return new Handler(eager);
  }

  private static final class Handler implements CsrfTokenRequestHandler {

    private final CsrfTokenRequestHandler plain = new CsrfTokenRequestAttributeHandler();
    private final CsrfTokenRequestHandler masked = new XorCsrfTokenRequestAttributeHandler();
    private final boolean eager;

    Handler(boolean eager) {
      this.eager = eager;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
      masked.handle(request, response, token);
      if (eager) {
        token.get();
      }
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
      String header = request.getHeader(token.getHeaderName());
      return (StringUtils.hasText(header) ? plain : masked).resolveCsrfTokenValue(request, token);
    }
  }
}
