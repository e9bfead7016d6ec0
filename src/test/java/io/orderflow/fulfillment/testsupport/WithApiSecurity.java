package io.orderflow.fulfillment.testsupport;

import io.orderflow.fulfillment.cart.Carts;
import io.orderflow.fulfillment.order.OrderService;
import io.orderflow.fulfillment.security.SecurityConfiguration;
import io.orderflow.fulfillment.tasks.TaskService;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * For {@code @WebMvcTest} slices: the app's real security rules and built-in users (sign in with
 * {@code with(httpBasic(user, user + "-demo"))}), and mocks of the services the ownership checks of orders, carts and
 * tasks consult (an unknown order or cart: the controller decides).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import(SecurityConfiguration.class)
@MockitoBean(types = {OrderService.class, Carts.class, TaskService.class})
public @interface WithApiSecurity {}
