/**
 * drm's plain-SQL stores (wrapped content keys, the key actions' log) and an account's data export
 * and erasure.
 */
package dev.marquee.drm.internal.persistence;
