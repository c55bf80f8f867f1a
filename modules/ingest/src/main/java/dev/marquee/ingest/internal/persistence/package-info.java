/** JPA implementation of the upload repository (persistence unit "ingest"). */
package dev.marquee.ingest.internal.persistence;
