package dev.marquee.drm.internal.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The key-encryption keys (KEKs): AES-256 keys from configuration ({@code marquee.drm.keks}, e.g.
 * {@code MARQUEE_DRM_KEKS=k2:<base64>,k1:<base64>} from a secret store), never from the database.
 * The active one ({@code marquee.drm.kek-active}, default the first listed) wraps new content keys;
 * older ones stay listed until a re-wrap has moved every content key off them.
 *
 * <p>Wrapping is AES-256-GCM with a random 96-bit nonce; the title, track type and key id are the
 * additional authenticated data, so a wrapped key copied to another row does not unwrap.
 */
@ApplicationScoped
public class KeyEncryptionKeys {
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;
  private final SecureRandom random = new SecureRandom();
  private Map<String, SecretKey> keys;
  private String active;

  @Inject
  @ConfigProperty(name = "marquee.drm.keks")
  Optional<String> configured;

  @Inject
  @ConfigProperty(name = "marquee.drm.kek-active")
  Optional<String> configuredActive;

  KeyEncryptionKeys() {}

  /** For tests and tools: a ring from the same text the configuration holds. */
  public static KeyEncryptionKeys of(String keks, String active) {
    KeyEncryptionKeys k = new KeyEncryptionKeys();
    k.configured = Optional.of(keks);
    k.configuredActive = Optional.ofNullable(active);
    return k;
  }

  private synchronized void load() {
    if (keys != null) {
      return;
    }
    String text = configured.orElse("").strip();
    if (text.isEmpty()) {
      throw new KekUnavailable(
          "No key-encryption key is configured: set MARQUEE_DRM_KEKS to id:base64-of-32-bytes.");
    }
    Map<String, SecretKey> ring = new LinkedHashMap<>();
    for (String entry : text.split(",")) {
      int colon = entry.indexOf(':');
      if (colon < 1) {
        throw new KekUnavailable("MARQUEE_DRM_KEKS entries are id:base64; one entry has no id.");
      }
      String id = entry.substring(0, colon).strip();
      byte[] material;
      try {
        material = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
      } catch (IllegalArgumentException e) {
        throw new KekUnavailable("Key-encryption key " + id + " is not valid base64.");
      }
      if (material.length != 32) {
        throw new KekUnavailable(
            "Key-encryption key " + id + " has " + material.length + " bytes; AES-256 needs 32.");
      }
      ring.put(id, new SecretKeySpec(material, "AES"));
    }
    String chosen = configuredActive.map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
    if (chosen == null) {
      chosen = ring.keySet().iterator().next();
    }
    if (!ring.containsKey(chosen)) {
      throw new KekUnavailable("The active key-encryption key " + chosen + " is not listed.");
    }
    active = chosen;
    keys = ring;
  }

  public String activeId() {
    load();
    return active;
  }

  /** The configured KEKs' ids, in configuration order (never their material). */
  public List<String> ids() {
    load();
    return List.copyOf(keys.keySet());
  }

  public boolean knows(String kekId) {
    load();
    return keys.containsKey(kekId);
  }

  /** Wraps under the active KEK: nonce || ciphertext || tag. */
  public byte[] wrap(byte[] contentKey, byte[] aad) {
    load();
    byte[] nonce = new byte[NONCE];
    random.nextBytes(nonce);
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, keys.get(active), new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(aad);
      byte[] sealed = c.doFinal(contentKey);
      byte[] out = new byte[NONCE + sealed.length];
      System.arraycopy(nonce, 0, out, 0, NONCE);
      System.arraycopy(sealed, 0, out, NONCE, sealed.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  /** Unwraps with the named KEK; fails when the KEK is unknown or the wrapped bytes altered. */
  public byte[] unwrap(String kekId, byte[] wrapped, byte[] aad) {
    load();
    SecretKey kek = keys.get(kekId);
    if (kek == null) {
      throw new KekUnavailable(
          "Content keys are wrapped by key-encryption key "
              + kekId
              + ", which is not configured; add it back to MARQUEE_DRM_KEKS.");
    }
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, wrapped, 0, NONCE));
      c.updateAAD(aad);
      return c.doFinal(wrapped, NONCE, wrapped.length - NONCE);
    } catch (GeneralSecurityException e) {
      throw new KekUnavailable(
          "A wrapped content key does not authenticate under key-encryption key " + kekId + ".");
    }
  }
}
