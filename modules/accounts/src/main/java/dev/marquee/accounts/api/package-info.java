/**
 * The accounts module's face: the facade, typed IDs, views of accounts, profiles and devices, and
 * the ports other modules implement for it ({@link dev.marquee.accounts.api.PersonalDataHolder}).
 */
package dev.marquee.accounts.api;
