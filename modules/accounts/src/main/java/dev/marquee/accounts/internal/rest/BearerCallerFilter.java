package dev.marquee.accounts.internal.rest;

import dev.marquee.platform.api.AccessToken;
import dev.marquee.platform.api.TokenIdentity;
import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives a REST operation called with a verified bearer token its caller (ADR 48). {@link
 * BearerAuthentication} leaves the token on the request without telling the container; here, once
 * JAX-RS knows which operation runs:
 *
 * <ul>
 *   <li>an operation marked {@link TokenIdentity} has its {@code @RolesAllowed}, {@code PermitAll}
 *       or {@code DenyAll} rule checked against the token's roles here (403 when none admits it),
 *       then gets a JAX-RS security context made from the token (its account as principal, its
 *       roles), which Liberty's role check, {@code SecurityContext.isUserInRole} and {@code
 *       CallerIdentity} all read;
 *   <li>any other operation gets the container login it always had: the request authenticates
 *       again, and the mechanism then hands the caller to the container as before.
 * </ul>
 *
 * Runs before the role checks ({@code AuthenticationRequired}, Liberty's filter at authorization).
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 10)
public class BearerCallerFilter implements ContainerRequestFilter {
  /** Set on a request whose next authentication must log the caller in to the container. */
  static final String CONTAINER_LOGIN = BearerCallerFilter.class.getName() + ".containerLogin";

  /** How an operation takes its caller, found once per method. */
  private final Map<Method, Access> access = new ConcurrentHashMap<>();

  @Context ResourceInfo resource;
  @Context HttpServletRequest servletRequest;
  @Context HttpServletResponse servletResponse;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    if (!(servletRequest.getAttribute(AccessToken.REQUEST_ATTRIBUTE) instanceof AccessToken token)
        || servletRequest.getUserPrincipal() != null) {
      return; // no bearer token, or the container already knows the caller
    }
    Method method = resource.getResourceMethod();
    Access rule =
        method == null
            ? Access.CONTAINER
            : access.computeIfAbsent(method, m -> Access.of(resource.getResourceClass(), m));
    if (rule.tokenOnly()) {
      // The role check is made here, from the token: Liberty's own check would fall back to the
      // container's caller for a refusal and answer that before any problem body could be added.
      if (!rule.admits(token.roles())) {
        request.abortWith(Response.status(403).build());
        return;
      }
      request.setSecurityContext(
          new TokenSecurityContext(token, request.getSecurityContext().isSecure()));
      return;
    }
    servletRequest.setAttribute(CONTAINER_LOGIN, Boolean.TRUE);
    boolean loggedIn;
    try {
      loggedIn = servletRequest.authenticate(servletResponse);
    } catch (ServletException e) {
      loggedIn = false;
    }
    if (!loggedIn) {
      request.abortWith(Response.status(401).build());
    }
  }

  /**
   * Whether an operation is {@link TokenIdentity}, and then which roles it admits: {@code allRoles}
   * null for any caller ({@code @PermitAll} or no rule), empty for none ({@code DenyAll}).
   */
  record Access(boolean tokenOnly, Set<String> allRoles) {
    static final Access CONTAINER = new Access(false, null);

    boolean admits(Set<String> roles) {
      return allRoles == null || allRoles.stream().anyMatch(roles::contains);
    }

    static Access of(Class<?> resourceClass, Method method) {
      if (declared(resourceClass, method, List.of(TokenIdentity.class)) == null) {
        return CONTAINER;
      }
      Annotation rule =
          declared(
              resourceClass, method, List.of(DenyAll.class, PermitAll.class, RolesAllowed.class));
      if (rule instanceof DenyAll) {
        return new Access(true, Set.of());
      }
      if (rule instanceof RolesAllowed roles) {
        return new Access(true, Set.of(roles.value()));
      }
      return new Access(true, null);
    }
  }

  /**
   * The first of {@code kinds} on the method, else on its class, looking upwards: CDI may hand
   * JAX-RS a generated subclass whose methods and class carry no annotations.
   */
  private static Annotation declared(
      Class<?> resourceClass, Method method, List<Class<? extends Annotation>> kinds) {
    for (Class<?> c = resourceClass; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        Annotation own =
            first(c.getDeclaredMethod(method.getName(), method.getParameterTypes()), kinds);
        if (own != null) {
          return own;
        }
      } catch (NoSuchMethodException e) {
        // declared further up
      }
    }
    for (Class<?> c = resourceClass; c != null && c != Object.class; c = c.getSuperclass()) {
      Annotation own = first(c, kinds);
      if (own != null) {
        return own;
      }
    }
    return null;
  }

  private static Annotation first(
      AnnotatedElement element, List<Class<? extends Annotation>> kinds) {
    for (Class<? extends Annotation> kind : kinds) {
      Annotation found = element.getAnnotation(kind);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
