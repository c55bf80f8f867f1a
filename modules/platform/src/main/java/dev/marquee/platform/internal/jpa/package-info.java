/**
 * JPA support every module's persistence unit lists: converters the provider lacks or gets wrong.
 */
package dev.marquee.platform.internal.jpa;
