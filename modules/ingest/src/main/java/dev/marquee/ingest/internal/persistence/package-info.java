/**
 * JPA implementations of the ingest repositories (persistence unit "ingest"), and the plain-SQL
 * personal-data part of exports and erasures.
 */
package dev.marquee.ingest.internal.persistence;
