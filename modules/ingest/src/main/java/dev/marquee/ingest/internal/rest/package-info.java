/** Creators' HTTP face of ingest. */
package dev.marquee.ingest.internal.rest;
