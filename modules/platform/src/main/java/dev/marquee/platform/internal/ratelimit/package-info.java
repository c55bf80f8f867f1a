/** Rate limits counted in PostgreSQL in fixed windows, shared by every server of a cluster. */
package dev.marquee.platform.internal.ratelimit;
