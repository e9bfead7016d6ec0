/**
 * Who is calling and what they may do: the access rules of every API route ({@link io.orderflow.fulfillment.security.ApiAccessRules}),
 * the two modes (Keycloak's JWTs, or built-in demo users for development) and {@link io.orderflow.fulfillment.security.CurrentUser},
 * the one principal type features use for ownership checks.
 */
package io.orderflow.fulfillment.security;
