/**
 * JPA implementations of the catalog repositories (persistence unit "catalog"), and the plain-SQL
 * personal-data part of exports and erasures.
 */
package dev.marquee.catalog.internal.persistence;
