/**
 * The use cases of ingest and their transactions: the upload flow (open, receive parts, complete,
 * abort), subtitle files and audio tracks added after the master, and the facade implementations.
 */
package dev.marquee.ingest.internal.application;
