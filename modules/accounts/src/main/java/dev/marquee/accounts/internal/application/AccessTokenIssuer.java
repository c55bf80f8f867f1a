package dev.marquee.accounts.internal.application;

import com.ibm.websphere.security.jwt.JwtBuilder;
import dev.marquee.accounts.api.Role;
import dev.marquee.accounts.internal.domain.Account;
import dev.marquee.accounts.internal.domain.TokenFamily;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Short-lived RS256 access tokens built by Liberty's JwtBuilder ({@code marqueeAccessToken} in
 * security.xml); {@link BearerTokens} verifies them on every request with the same key.
 */
@ApplicationScoped
public class AccessTokenIssuer {
  static final String BUILDER_ID = "marqueeAccessToken";

  @Inject
  @ConfigProperty(name = "jwt.access.ttl.seconds", defaultValue = "900")
  long ttlSeconds;

  public long ttlSeconds() {
    return ttlSeconds;
  }

  public String issue(Account account, TokenFamily family) {
    List<String> groups = account.roles().stream().map(Role::roleName).sorted().toList();
    try {
      JwtBuilder builder =
          JwtBuilder.create(BUILDER_ID)
              .subject(account.id().toString())
              .claim("upn", account.email())
              .claim("groups", groups)
              .claim("sid", family.id().toString())
              .claim("client_id", family.clientId())
              .expirationTime(System.currentTimeMillis() / 1000 + ttlSeconds);
      if (family.deviceId() != null) {
        builder.claim("device_id", family.deviceId().toString());
      }
      if (account.country() != null) {
        builder.claim("country", account.country());
      }
      return builder.buildJwt().compact();
    } catch (
        Exception e) { // JwtBuilder declares several checked exceptions; all mean "misconfigured"
      throw new IllegalStateException("Cannot sign access token: " + e.getMessage(), e);
    }
  }
}
