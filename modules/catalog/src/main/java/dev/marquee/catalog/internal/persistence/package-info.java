/** JPA implementations of the catalog repositories (persistence unit "catalog"). */
package dev.marquee.catalog.internal.persistence;
