/** Batch job operations as the batch service user (ADR 10). */
package dev.marquee.platform.internal.batch;
