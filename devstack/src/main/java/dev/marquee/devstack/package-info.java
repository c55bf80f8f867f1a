/** Starts Marquee on its embedded defaults: PostgreSQL, s3proxy and the Liberty server. */
package dev.marquee.devstack;
