/**
 * JPA implementations of the catalog repositories (persistence unit "catalog"), the plain-SQL
 * recommendation tables, and the plain-SQL personal-data part of exports and erasures.
 */
package dev.marquee.catalog.internal.persistence;
