/** The catalog's entities, metadata rules and repository interfaces. */
package dev.marquee.catalog.internal.domain;
