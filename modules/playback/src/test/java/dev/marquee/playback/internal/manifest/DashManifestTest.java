package dev.marquee.playback.internal.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.transcode.api.RenditionView;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A session's DASH manifest: what a player needs, and only the renditions the session may play. */
class DashManifestTest {
  private static final String SD_KEY = "11111111111111111111111111111111";
  private static final String HD_KEY = "22222222222222222222222222222222";
  private static final String AUDIO_KEY = "33333333333333333333333333333333";
  private static final String PREFIX = "titles/0b6f3a52-6c1e-4d8e-a4a5-2d9b1c0e7f11/job/";

  private static RenditionView video(String name, int height, String key) {
    return new RenditionView(
        name,
        "VIDEO",
        height * 16 / 9,
        height,
        null,
        "main",
        "avc1.64001f",
        90_000,
        25.0,
        height * 2_000L,
        height * 2_000L,
        height * 2_500L,
        PREFIX + "video/" + name + "/{scheme}/init.mp4",
        key,
        List.of("cenc", "cbcs"),
        List.of(
            new RenditionView.SegmentView(
                0, 0, 180_000, 1000, PREFIX + "video/" + name + "/{scheme}/seg-0.m4s"),
            new RenditionView.SegmentView(
                1, 180_000, 90_000, 500, PREFIX + "video/" + name + "/{scheme}/seg-1.m4s")),
        null);
  }

  private static RenditionView audio(String language, String role) {
    return new RenditionView(
        "audio-" + language,
        "AUDIO",
        null,
        null,
        language,
        role,
        "mp4a.40.2",
        48_000,
        null,
        128_000,
        128_000,
        130_000,
        PREFIX + "audio/" + language + "/{scheme}/init.mp4",
        AUDIO_KEY,
        List.of("cenc", "cbcs"),
        List.of(
            new RenditionView.SegmentView(
                0, 0, 144_000, 100, PREFIX + "audio/" + language + "/{scheme}/seg-0.m4s")),
        null);
  }

  /** Two sheets of 5x5 tiles of 256x144, one tile per 2 s: 50 s each, the second cut short. */
  static RenditionView thumbnails() {
    return new RenditionView(
        "thumbnails",
        "IMAGE",
        1280,
        720,
        null,
        "main",
        "jpeg",
        1000,
        null,
        20_000,
        20_000,
        24_000,
        null,
        null,
        List.of(),
        List.of(
            new RenditionView.SegmentView(0, 0, 50_000, 150_000, PREFIX + "thumbs/sheet-1.jpg"),
            new RenditionView.SegmentView(
                1, 50_000, 20_000, 60_000, PREFIX + "thumbs/sheet-2.jpg")),
        new RenditionView.Tiles(5, 5, 2000));
  }

  private static Document render(List<RenditionView> videos, List<RenditionView> audios)
      throws Exception {
    return render(videos, audios, null);
  }

  private static Document render(
      List<RenditionView> videos, List<RenditionView> audios, RenditionView thumbnails)
      throws Exception {
    String mpd =
        DashManifest.render(
            new ManifestInput(
                videos,
                audios,
                List.of(),
                thumbnails,
                "cenc",
                "exp=1900000000&sig=abc",
                "/api/drm/licenses/clearkey",
                kid -> "/api/drm/hls/keys/" + kid));
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(mpd.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> elements(Document d, String name) {
    return elements(d.getDocumentElement(), name);
  }

  private static List<Element> elements(Element parent, String name) {
    NodeList nodes = parent.getElementsByTagNameNS("*", name);
    List<Element> found = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      found.add((Element) nodes.item(i));
    }
    return found;
  }

  @Test
  void videoIsGroupedByContentKeyEachSetNamingItsKeyAndTheLicenceServer() throws Exception {
    Document mpd =
        render(
            List.of(
                video("240p", 240, SD_KEY), video("480p", 480, SD_KEY), video("720p", 720, HD_KEY)),
            List.of(audio("en", "main")));

    List<Element> videoSets =
        elements(mpd, "AdaptationSet").stream()
            .filter(s -> s.getAttribute("contentType").equals("video"))
            .toList();
    assertThat(videoSets).hasSize(2);
    assertThat(videoSets)
        .extracting(s -> elements(s, "Representation").size())
        .containsExactly(2, 1);
    List<String> kids =
        elements(mpd, "ContentProtection").stream()
            .map(p -> p.getAttributeNS("urn:mpeg:cenc:2013", "default_KID"))
            .filter(k -> !k.isEmpty())
            .map(k -> k.replace("-", ""))
            .distinct()
            .toList();
    assertThat(kids).containsExactlyInAnyOrder(SD_KEY, HD_KEY, AUDIO_KEY);
    assertThat(elements(mpd, "Laurl"))
        .isNotEmpty()
        .allSatisfy(l -> assertThat(l.getTextContent()).isEqualTo("/api/drm/licenses/clearkey"));
  }

  @Test
  void onlyTheRenditionsGivenAppearSoACappedSessionCannotAskForMore() throws Exception {
    Document mpd = render(List.of(video("240p", 240, SD_KEY)), List.of(audio("en", "main")));

    assertThat(elements(mpd, "Representation"))
        .extracting(r -> r.getAttribute("id"))
        .containsExactly("240p", "audio-en");
    assertThat(mpd.getDocumentElement().getAttribute("mediaPresentationDuration"))
        .isEqualTo("PT3.000S");
  }

  @Test
  void segmentAddressesAreSignedOriginUrlsOfTheSessionsScheme() throws Exception {
    Document mpd = render(List.of(video("240p", 240, SD_KEY)), List.of());

    Element template = elements(mpd, "SegmentTemplate").get(0);
    assertThat(template.getAttribute("initialization"))
        .isEqualTo(
            "/api/origin/"
                + PREFIX
                + "video/240p/cenc/init.mp4?exp=1900000000&amp;sig=abc".replace("&amp;", "&"));
    assertThat(template.getAttribute("media"))
        .startsWith("/api/origin/" + PREFIX + "video/240p/cenc/seg-")
        .endsWith("?exp=1900000000&sig=abc");
    assertThat(elements(mpd, "S"))
        .extracting(s -> s.getAttribute("d"))
        .containsExactly("180000", "90000");
  }

  @Test
  void audioDescriptionIsMarkedAsSuch() throws Exception {
    Document mpd =
        render(
            List.of(video("240p", 240, SD_KEY)),
            List.of(audio("en", "main"), audio("fr", "description")));

    assertThat(elements(mpd, "Role"))
        .extracting(r -> r.getAttribute("value"))
        .containsExactly("main", "description");
    assertThat(elements(mpd, "Accessibility")).hasSize(1);
  }

  @Test
  void thumbnailSheetsAreAnImageSetWithTheirGridAndAFullGridDurationPerSheet() throws Exception {
    Document mpd = render(List.of(video("240p", 240, SD_KEY)), List.of(), thumbnails());

    Element images =
        elements(mpd, "AdaptationSet").stream()
            .filter(s -> s.getAttribute("contentType").equals("image"))
            .findFirst()
            .orElseThrow();
    assertThat(images.getAttribute("mimeType")).isEqualTo("image/jpeg");
    Element representation = elements(images, "Representation").get(0);
    assertThat(representation.getAttribute("width")).isEqualTo("1280");
    assertThat(representation.getAttribute("height")).isEqualTo("720");
    Element tile = elements(representation, "EssentialProperty").get(0);
    assertThat(tile.getAttribute("schemeIdUri")).isEqualTo("http://dashif.org/thumbnail_tile");
    assertThat(tile.getAttribute("value")).isEqualTo("5x5");
    Element template = elements(representation, "SegmentTemplate").get(0);
    // 25 tiles of 2 s: a player places a tile by (time - sheet start) / (duration / 25).
    assertThat(template.getAttribute("duration")).isEqualTo("50000");
    assertThat(template.getAttribute("timescale")).isEqualTo("1000");
    assertThat(template.getAttribute("media"))
        .isEqualTo("/api/origin/" + PREFIX + "thumbs/sheet-$Number$.jpg?exp=1900000000&sig=abc");
    assertThat(elements(images, "ContentProtection")).isEmpty();
  }

  @Test
  void aTitleWithoutThumbnailsHasNoImageSet() throws Exception {
    Document mpd = render(List.of(video("240p", 240, SD_KEY)), List.of());

    assertThat(elements(mpd, "AdaptationSet"))
        .extracting(s -> s.getAttribute("contentType"))
        .doesNotContain("image");
  }
}
