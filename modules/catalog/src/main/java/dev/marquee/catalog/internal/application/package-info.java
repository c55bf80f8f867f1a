/** The catalog facade and its transaction boundaries. */
package dev.marquee.catalog.internal.application;
