/**
 * The catalog's entities and value objects with their rules, free of I/O: metadata rules, an
 * admin's title document and merge patch, search queries, results and cursors, share links, the
 * recommendation rule and its read-time filters, and the repository interfaces and the search port.
 */
package dev.marquee.catalog.internal.domain;
