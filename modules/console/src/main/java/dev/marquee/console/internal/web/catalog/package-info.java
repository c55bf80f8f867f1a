/** The admin console's catalog pages: find titles, edit a title's metadata, its audit. */
package dev.marquee.console.internal.web.catalog;
