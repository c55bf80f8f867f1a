/** The admin console's licence audit: decisions filtered, paged, and exported as CSV. */
package dev.marquee.console.internal.web.licences;
