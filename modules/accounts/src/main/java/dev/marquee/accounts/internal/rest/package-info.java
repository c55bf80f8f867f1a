/** Accounts' HTTP face: registration, the OAuth2 endpoints, profiles, devices, administration. */
package dev.marquee.accounts.internal.rest;
