/** Plain-SQL reads and writes of drm's rows that serve other modules: the personal-data part. */
package dev.marquee.drm.internal.persistence;
