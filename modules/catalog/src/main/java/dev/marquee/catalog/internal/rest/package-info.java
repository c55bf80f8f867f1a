/** HTTP face of the catalog: the published shelf (search comes with its issue). */
package dev.marquee.catalog.internal.rest;
