/** Catalog administration: editing titles under optimistic locking with an audit, series. */
package dev.marquee.catalog.internal.admin;
