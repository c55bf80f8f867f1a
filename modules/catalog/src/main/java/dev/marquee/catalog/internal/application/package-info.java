/**
 * The catalog facade and the use cases with their transaction boundaries: admin editing, series,
 * artwork, engagement (lists, reactions, reports, views), search engine choice and its index relay,
 * and recommendations with their schedule.
 */
package dev.marquee.catalog.internal.application;
