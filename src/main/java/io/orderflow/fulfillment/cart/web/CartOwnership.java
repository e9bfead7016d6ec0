package io.orderflow.fulfillment.cart.web;

import io.orderflow.fulfillment.cart.Carts;
import io.orderflow.fulfillment.security.CurrentUser;
import io.orderflow.fulfillment.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A customer uses only the carts they created: on every route under {@code /api/carts/{cartId}} another user's cart
 * answers 404, as an unknown one does. Customer service may work on any cart.
 */
@Configuration
class CartOwnership implements WebMvcConfigurer, HandlerInterceptor {

  private final Carts carts;

  CartOwnership(Carts carts) {
    this.carts = carts;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/carts/*", "/api/carts/*/**");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    CurrentUser user = CurrentUser.current().orElse(null);
    if (user == null || !user.customerOnly()) {
      return true;
    }
    @SuppressWarnings("unchecked")
    Map<String, String> variables = (Map<String, String>) request.getAttribute(
        HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    String cartId = variables == null ? null : variables.get("cartId");
    if (cartId == null) {
      throw new NotFoundException("Cart", request.getRequestURI());
    }
    if (!carts.unknownOrOwnedBy(cartId, user.username())) {
      throw new NotFoundException("Cart", cartId);
    }
    return true;
  }
}
