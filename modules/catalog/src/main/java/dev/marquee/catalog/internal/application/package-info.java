/** The catalog facade, the recommendation service and its schedule, and transaction boundaries. */
package dev.marquee.catalog.internal.application;
