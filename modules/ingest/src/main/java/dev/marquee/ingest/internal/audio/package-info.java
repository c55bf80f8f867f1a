/** Audio tracks added to a title after its master: streamed, probed, stored, announced. */
package dev.marquee.ingest.internal.audio;
