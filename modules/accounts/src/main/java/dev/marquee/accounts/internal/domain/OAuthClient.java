package dev.marquee.accounts.internal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;

/** A first-party public OAuth2 client and the grant types it may use. */
@Entity
@Table(name = "oauth_clients", schema = "accounts")
public class OAuthClient {
  public static final String PASSWORD = "password";
  public static final String REFRESH_TOKEN = "refresh_token";
  public static final String DEVICE_CODE = "urn:ietf:params:oauth:grant-type:device_code";

  @Id
  @Column(name = "client_id")
  private String clientId;

  @Column(nullable = false)
  private String name;

  @Column(name = "grant_types", nullable = false)
  private String grantTypes;

  protected OAuthClient() {}

  public String clientId() {
    return clientId;
  }

  public String name() {
    return name;
  }

  public boolean allows(String grantType) {
    return Arrays.asList(grantTypes.split(" ")).contains(grantType);
  }
}
