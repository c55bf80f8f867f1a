package dev.marquee.platform.api;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A REST operation (or every operation of a resource) whose caller is the verified bearer token
 * alone (ADR 48): {@code @RolesAllowed}, the JAX-RS {@code SecurityContext} and {@link
 * CallerIdentity} read the token, and the container is not told about the caller, which saves
 * building a JAAS subject on every call. Such an operation must not need the container's identity:
 * no Jakarta Batch operation as the caller ({@link BatchJobs}), no servlet-level {@code
 * isUserInRole}, nothing that hands the caller's security context to other threads. An operation
 * without it gets the container login before it runs, as every operation did before.
 */
@Documented
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface TokenIdentity {}
