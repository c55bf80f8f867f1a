/** The admin console's moderation queue: viewers' reports, dismissed or acted on. */
package dev.marquee.console.internal.web.moderation;
