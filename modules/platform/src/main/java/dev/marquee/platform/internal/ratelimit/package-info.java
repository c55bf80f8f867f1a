/**
 * Rate limits counted in PostgreSQL in windows per subject, shared by every server of a cluster.
 */
package dev.marquee.platform.internal.ratelimit;
