/**
 * Search: one port ({@link dev.marquee.catalog.internal.search.TitleSearch}) and its adapters; the
 * PostgreSQL adapter (pg_trgm) is the embedded default.
 */
package dev.marquee.catalog.internal.search;
