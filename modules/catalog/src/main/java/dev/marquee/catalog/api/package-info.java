/**
 * The catalog's face: titles, series, episodes, categories and licence terms (built in the catalog
 * issue).
 *
 * <p>Other modules may use only this package of the catalog module.
 */
package dev.marquee.catalog.api;
