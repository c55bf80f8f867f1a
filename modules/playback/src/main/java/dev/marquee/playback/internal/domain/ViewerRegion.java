package dev.marquee.playback.internal.domain;

import java.util.Locale;

/**
 * Where the viewer is, for licence regions. Only a source the viewer cannot pick counts in
 * production: the country header of a trusted edge (a CDN or load balancer that sets it from the
 * client's address and overwrites whatever the client sent). The account's country is the viewer's
 * own choice, so it is used only in development, where no edge exists.
 */
public final class ViewerRegion {
  private ViewerRegion() {}

  /** The region as an upper-case ISO 3166 code, or empty when no acceptable source says. */
  public static String of(boolean production, String edgeHeader, String accountCountry) {
    String region = clean(edgeHeader);
    if (region.isEmpty() && !production) {
      region = clean(accountCountry);
    }
    return region;
  }

  private static String clean(String country) {
    return country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
  }
}
