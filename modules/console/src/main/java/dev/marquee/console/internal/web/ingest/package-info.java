/** Ingest from the browser: the page's token and the upload calls its script makes (ADR 40). */
package dev.marquee.console.internal.web.ingest;
