/**
 * Everything of the catalog that runs SQL: JPA repositories (persistence unit "catalog"), the
 * plain-SQL stores and queries of titles, series, artwork, engagement and the search outbox, the
 * PostgreSQL search adapter, the recommendation tables, and the personal-data part of exports.
 */
package dev.marquee.catalog.internal.persistence;
