/** Applies the Flyway migrations of every module's schema before the application uses them. */
package dev.marquee.platform.internal.migration;
