package dev.marquee.accounts.internal.rest;

import dev.marquee.accounts.internal.application.TokenGrant;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** RFC 6749 section 5.1 access token response. */
@JsonbPropertyOrder({"accessToken", "tokenType", "expiresIn", "refreshToken", "scope", "deviceId"})
public record TokenResponse(
    @JsonbProperty("access_token") String accessToken,
    @JsonbProperty("token_type") String tokenType,
    @JsonbProperty("expires_in") long expiresIn,
    @JsonbProperty("refresh_token") String refreshToken,
    @JsonbProperty("scope") String scope,
    @JsonbProperty("device_id") String deviceId) {
  static TokenResponse of(TokenGrant grant) {
    return new TokenResponse(
        grant.accessToken(),
        "Bearer",
        grant.expiresIn(),
        grant.refreshToken(),
        grant.scope(),
        grant.deviceId());
  }
}
