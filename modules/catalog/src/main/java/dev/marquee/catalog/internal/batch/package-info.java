/** The catalog's batch artifacts: the recommendation job. */
package dev.marquee.catalog.internal.batch;
