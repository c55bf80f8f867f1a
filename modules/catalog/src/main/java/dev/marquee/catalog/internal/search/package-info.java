/**
 * The OpenSearch adapter of the search port ({@link
 * dev.marquee.catalog.internal.domain.TitleSearch}): an engine package that speaks HTTP to an
 * OpenSearch cluster and has no persistence and no transactions of its own (the PostgreSQL adapter
 * is in {@code persistence}, the outbox relay that feeds this index in {@code application}).
 */
package dev.marquee.catalog.internal.search;
