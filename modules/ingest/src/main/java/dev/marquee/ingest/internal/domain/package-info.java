/** Uploads of masters: the entity, the part plan, the rules a master must meet. */
package dev.marquee.ingest.internal.domain;
