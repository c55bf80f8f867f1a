/** The upload flow: open, receive parts, complete (verify, probe, store), abort. */
package dev.marquee.ingest.internal.application;
