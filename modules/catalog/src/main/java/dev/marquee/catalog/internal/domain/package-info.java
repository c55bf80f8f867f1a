/**
 * The catalog's entities, metadata rules, the recommendation rule and its read-time filters, and
 * repository interfaces.
 */
package dev.marquee.catalog.internal.domain;
