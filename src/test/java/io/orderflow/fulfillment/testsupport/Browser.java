package io.orderflow.fulfillment.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A browser without a browser: an HTTP client that keeps cookies (for every server it talks to, the app and Keycloak)
 * and does not follow redirects, so a test walks the sign-in step by step and sees every {@code Location}. Sends
 * {@code Accept: text/html} like a browser's page request unless told otherwise. Like browsers, it sends
 * {@code Secure} cookies to {@code http://127.0.0.1} and {@code http://localhost} (a loopback address is a secure
 * context): Keycloak marks its login cookies {@code Secure} even on plain HTTP.
 */
public final class Browser {

  public static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER)
      .cookieHandler(new LoopbackIsSecure(cookies))
      .build();

  /** A page request (Accept: text/html). */
  public HttpResponse<String> get(String url) {
    return get(url, Map.of("Accept", HTML));
  }

  public HttpResponse<String> get(String url, Map<String, String> headers) {
    return send(request(url, headers).GET());
  }

  /** A form post, as a browser submits an HTML form. */
  public HttpResponse<String> postForm(String url, Map<String, String> form) {
    return send(request(url, Map.of("Accept", HTML, "Content-Type", "application/x-www-form-urlencoded"))
        .POST(HttpRequest.BodyPublishers.ofString(KeycloakServer.formEncode(form))));
  }

  /** A script's JSON call ({@code fetch} with the page's cookies). */
  public HttpResponse<String> postJson(String url, String json, Map<String, String> headers) {
    HttpRequest.Builder request = request(url, headers).POST(HttpRequest.BodyPublishers.ofString(json));
    request.setHeader("Content-Type", "application/json");
    request.setHeader("Accept", "application/json");
    return send(request);
  }

  /** The redirect target of a 3xx answer, absolute (a relative {@code Location} resolved against the request). */
  public static URI location(HttpResponse<?> response) {
    String location = response.headers().firstValue("Location")
        .orElseThrow(() -> new AssertionError("No Location header in HTTP " + response.statusCode() + " of "
            + response.request().uri()));
    return response.request().uri().resolve(location);
  }

  /** The value of a cookie this browser would send to the URL. */
  public Optional<String> cookie(String url, String name) {
    return cookies.getCookieStore().get(URI.create(url)).stream().filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue).findFirst();
  }

  /** The cookie store, asked as if a loopback {@code http} address were {@code https}. */
  private static final class LoopbackIsSecure extends CookieHandler {

    private final CookieManager cookies;

    LoopbackIsSecure(CookieManager cookies) {
      this.cookies = cookies;
    }

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
      return cookies.get(secure(uri), requestHeaders);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
      cookies.put(uri, responseHeaders);
    }

    private static URI secure(URI uri) {
      boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
      if (!loopback || !"http".equals(uri.getScheme())) {
        return uri;
      }
      return URI.create("https" + uri.toString().substring("http".length()));
    }
  }

  private static HttpRequest.Builder request(String url, Map<String, String> headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    headers.forEach(builder::setHeader);
    return builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    HttpRequest built = request.build();
    try {
      return http.send(built, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted: " + built.uri(), e);
    }
  }
}
