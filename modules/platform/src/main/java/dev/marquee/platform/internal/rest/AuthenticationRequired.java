package dev.marquee.platform.internal.rest;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;

/**
 * An operation that admits only some roles answers a call without a bearer token 401 (RFC 6750:
 * authenticate first), not the 403 the role check alone would give: the token is checked by the
 * accounts module's mechanism before JAX-RS runs, so a request reaching here without a caller had
 * none. The body comes from {@link EmptyErrorBodyFilter}.
 */
@Provider
public class AuthenticationRequired implements DynamicFeature {
  /**
   * True when the method (or else its class) is {@code @RolesAllowed} and not {@code @PermitAll}.
   */
  static boolean needsCaller(Class<?> resourceClass, Method method) {
    // CDI may hand JAX-RS a generated subclass whose methods carry no annotations: look upwards.
    for (Class<?> c = resourceClass; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        Method declared = c.getDeclaredMethod(method.getName(), method.getParameterTypes());
        if (declared.isAnnotationPresent(PermitAll.class)) {
          return false;
        }
        if (declared.isAnnotationPresent(RolesAllowed.class)) {
          return true;
        }
      } catch (NoSuchMethodException e) {
        // declared further up
      }
      if (c.isAnnotationPresent(PermitAll.class)) {
        return false;
      }
      if (c.isAnnotationPresent(RolesAllowed.class)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void configure(ResourceInfo resource, FeatureContext context) {
    if (needsCaller(resource.getResourceClass(), resource.getResourceMethod())) {
      context.register(new CallerFilter());
    }
  }

  /** Aborts a call without a caller with an empty 401. */
  @Priority(Priorities.AUTHENTICATION)
  static final class CallerFilter implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      if (request.getSecurityContext().getUserPrincipal() == null) {
        request.abortWith(Response.status(401).build());
      }
    }
  }
}
