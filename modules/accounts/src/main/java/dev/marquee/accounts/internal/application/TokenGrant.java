package dev.marquee.accounts.internal.application;

/** What a successful grant hands to the client (RFC 6749 section 5.1). */
public record TokenGrant(
    String accessToken, long expiresIn, String refreshToken, String scope, String deviceId) {}
