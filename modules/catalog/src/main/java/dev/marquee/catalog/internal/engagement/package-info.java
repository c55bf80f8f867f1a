/** Engagement: lists, favourites, likes, share links, reports and moderation, views per day. */
package dev.marquee.catalog.internal.engagement;
