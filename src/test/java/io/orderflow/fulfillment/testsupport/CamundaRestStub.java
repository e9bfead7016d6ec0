package io.orderflow.fulfillment.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A local HTTP server that answers like a Camunda 8.8 orchestration cluster's REST API (and, for the OAuth flow, like
 * an identity provider's token endpoint), from the minimal JSON fixtures in {@code src/test/resources/camunda-rest/}
 * (see the README there for the OpenAPI description they follow). It records every request; a request no answer was
 * given for gets a 404 {@code application/problem+json}, so an unexpected call shows in {@link #requests()} and fails
 * the adapter under test.
 *
 * <pre>{@code
 * stub.answer("POST", "/v2/user-tasks/search", 200, stub.fixture("user-tasks-search.json"));
 * stub.answer("POST", "/v2/user-tasks/\\d+/completion", 409, stub.fixture("problem-conflict.json"));
 * }</pre>
 */
public final class CamundaRestStub implements AutoCloseable {

  /** One request as the stub received it. */
  public record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {

    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
          .map(e -> e.getValue().getFirst()).orElse(null);
    }
  }

  private record Answer(String method, Pattern path, int status, String contentType, String body) {}

  private final List<Answer> answers = new CopyOnWriteArrayList<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final int port;
  private volatile HttpServer server;

  private CamundaRestStub(int port) {
    this.port = port;
  }

  /** A stub listening on a free port of 127.0.0.1. */
  public static CamundaRestStub start() {
    CamundaRestStub stub = new CamundaRestStub(0);
    stub.listen();
    return stub;
  }

  /** A stub that will listen on the given port once {@link #listen()} is called: until then the "cluster" is away. */
  public static CamundaRestStub onPort(int port) {
    return new CamundaRestStub(port);
  }

  public synchronized CamundaRestStub listen() {
    if (server != null) {
      return this;
    }
    try {
      HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      s.createContext("/", this::handle);
      s.start();
      server = s;
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return server == null ? port : server.getAddress().getPort();
  }

  /** The base address, e.g. {@code http://127.0.0.1:41234} (the client adds {@code /v2/...}). */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  /**
   * Answers requests whose method and path (regular expression, whole path) match; the latest matching answer wins.
   * Status 2xx bodies go out as {@code application/json}, others as {@code application/problem+json}.
   */
  public CamundaRestStub answer(String method, String pathRegex, int status, String body) {
    String type = body == null || body.isEmpty() ? null
        : status < 300 ? (body.startsWith("<") ? "text/xml" : "application/json") : "application/problem+json";
    answers.add(new Answer(method, Pattern.compile(pathRegex), status, type, body));
    return this;
  }

  /** A fixture's text from {@code src/test/resources/camunda-rest/}. */
  public static String fixture(String name) {
    try (InputStream in = CamundaRestStub.class.getResourceAsStream("/camunda-rest/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture camunda-rest/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The requests with this method and a path matching the regular expression, oldest first. */
  public List<Request> requests(String method, String pathRegex) {
    Pattern path = Pattern.compile(pathRegex);
    return requests.stream().filter(r -> r.method().equals(method) && path.matcher(r.path()).matches()).toList();
  }

  public void clear() {
    requests.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      requests.add(new Request(method, path, exchange.getRequestURI().getRawQuery(),
          Map.copyOf(exchange.getRequestHeaders()), body));
      List<Answer> candidates = new ArrayList<>(answers);
      Answer answer = null;
      for (int i = candidates.size() - 1; i >= 0; i--) {
        Answer a = candidates.get(i);
        if (a.method().equals(method) && a.path().matcher(path).matches()) {
          answer = a;
          break;
        }
      }
      if (answer == null) {
        answer = new Answer(method, null, 404, "application/problem+json", """
            {"type":"about:blank","title":"NOT_FOUND","status":404,"detail":"The stub has no answer for %s %s","instance":"%s"}"""
            .formatted(method, path, path));
      }
      byte[] out = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
      if (answer.contentType() != null) {
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
      }
      exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
      if (out.length > 0) {
        exchange.getResponseBody().write(out);
      }
    }
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }
}
