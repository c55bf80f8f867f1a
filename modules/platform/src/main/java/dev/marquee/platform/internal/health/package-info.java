/**
 * MicroProfile Health checks: liveness of the server, readiness of its dependencies, and the drain
 * that takes it out of the load balancer before it stops.
 */
package dev.marquee.platform.internal.health;
