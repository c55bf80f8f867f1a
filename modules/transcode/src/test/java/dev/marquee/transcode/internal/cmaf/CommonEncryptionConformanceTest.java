package dev.marquee.transcode.internal.cmaf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.transcode.internal.cmaf.EncodedTracks.Track;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The peer conformance test: what Marquee encrypts, shaka-packager (an independent implementation
 * of ISO/IEC 23001-7) decrypts back to exactly the samples we started from, for both schemes, for
 * real libx264 video and AAC audio; with a wrong key it does not.
 */
class CommonEncryptionConformanceTest {
  private static final byte[] KEY_ID = HexFormat.of().parseHex("6d617271756565206b65792069642031");
  private static final byte[] KEY = HexFormat.of().parseHex("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
  private static final byte[] WRONG_KEY =
      HexFormat.of().parseHex("0f1e2d3c4b5a69788796a5b4c3d2e1f1");

  @TempDir Path folder;

  static Stream<Arguments> tracks() {
    return Stream.of(Protection.Scheme.values())
        .flatMap(
            scheme ->
                Stream.of(
                    Arguments.of(scheme, "veryfast", "video"),
                    Arguments.of(scheme, "ultrafast", "video"),
                    Arguments.of(scheme, "medium", "video"),
                    Arguments.of(scheme, "aac", "audio")));
  }

  private static Track track(String name) {
    return name.equals("aac") ? EncodedTracks.audio() : EncodedTracks.video(name);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("tracks")
  void shakaPackagerDecryptsOurSamplesBackToTheClearOnes(
      Protection.Scheme scheme, String name, String stream) throws Exception {
    Track track = track(name);
    Protection protection = new Protection(scheme, KEY_ID, KEY, ("rendition " + name).getBytes());
    Path encrypted = Files.write(folder.resolve("enc.mp4"), track.encryptedFile(protection));

    List<byte[]> ours = FragmentedSamples.read(Files.readAllBytes(encrypted));
    assertThat(ours).hasSameSizeAs(track.samples());
    assertThat(changedSamples(ours, track.samples()))
        .as("samples are encrypted")
        .isGreaterThan(ours.size() * 9 / 10);

    Path decrypted = folder.resolve("dec.mp4");
    ShakaPackager.Run run = ShakaPackager.decrypt(encrypted, stream, decrypted, KEY_ID, KEY);
    assertThat(run.succeeded()).as(run.output()).isTrue();
    List<byte[]> back = FragmentedSamples.read(Files.readAllBytes(decrypted));
    assertThat(back).hasSameSizeAs(track.samples());
    for (int i = 0; i < back.size(); i++) {
      assertThat(Arrays.mismatch(back.get(i), track.samples().get(i)))
          .as("%s %s sample %d: first byte that differs", scheme, name, i)
          .isEqualTo(-1);
    }
  }

  /**
   * libx264 writes one slice per picture here; pictures with several slices, and clear NAL units
   * between them, must decrypt too: the CTR stream runs on across the slices of a sample in 'cenc',
   * the CBC chain restarts at each slice in 'cbcs'.
   */
  @ParameterizedTest
  @EnumSource(Protection.Scheme.class)
  void samplesWithSeveralSlicesDecryptBackToTheClearOnes(Protection.Scheme scheme)
      throws Exception {
    Track single = EncodedTracks.video("veryfast");
    List<EncodedTracks.Segment> segments = new java.util.ArrayList<>();
    for (EncodedTracks.Segment s : single.segments()) {
      segments.add(
          new EncodedTracks.Segment(
              s.sequenceNumber(),
              s.baseMediaDecodeTime(),
              s.samples().stream()
                  .map(
                      c ->
                          new CmafSample(
                              withSeiAndRepeatedSlice(c.data()),
                              c.duration(),
                              c.compositionOffset(),
                              c.sync()))
                  .toList()));
    }
    Track track = new Track(single.format(), segments);
    Protection protection = new Protection(scheme, KEY_ID, KEY, "slices".getBytes());
    byte[] file = track.encryptedFile(protection);
    assertThat(
            SencEntries.read(file, scheme == Protection.Scheme.CENC ? 8 : 0).stream()
                .mapToLong(e -> e.subsamples().stream().filter(x -> x.protectedBytes() > 0).count())
                .min()
                .orElseThrow())
        .as("protected slices per sample")
        .isGreaterThanOrEqualTo(2);
    Path encrypted = Files.write(folder.resolve("slices.mp4"), file);
    Path decrypted = folder.resolve("slices-dec.mp4");
    ShakaPackager.Run run = ShakaPackager.decrypt(encrypted, "video", decrypted, KEY_ID, KEY);
    assertThat(run.succeeded()).as(run.output()).isTrue();
    List<byte[]> back = FragmentedSamples.read(Files.readAllBytes(decrypted));
    assertThat(back).hasSameSizeAs(track.samples());
    for (int i = 0; i < back.size(); i++) {
      assertThat(Arrays.mismatch(back.get(i), track.samples().get(i)))
          .as("sample %d", i)
          .isEqualTo(-1);
    }
  }

  /** The sample, an SEI NAL unit, and the sample's last slice again. */
  private static byte[] withSeiAndRepeatedSlice(byte[] sample) {
    int last = 0;
    for (int at = 0; at < sample.length; at += 4 + ByteBuffer.wrap(sample, at, 4).getInt()) {
      last = at;
    }
    byte[] sei = {0, 0, 0, 5, 0x06, 0x05, 0x01, 0x2A, (byte) 0x80};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(sample);
    out.writeBytes(sei);
    out.write(sample, last, sample.length - last);
    return out.toByteArray();
  }

  @ParameterizedTest
  @EnumSource(Protection.Scheme.class)
  void aWrongKeyDoesNotGiveTheClearSamples(Protection.Scheme scheme) throws Exception {
    for (String name : List.of("veryfast", "aac")) {
      Track track = track(name);
      Protection protection = new Protection(scheme, KEY_ID, KEY, "seed".getBytes());
      Path encrypted = Files.write(folder.resolve("enc.mp4"), track.encryptedFile(protection));
      Path decrypted = folder.resolve("wrong.mp4");
      ShakaPackager.Run run =
          ShakaPackager.decrypt(
              encrypted, name.equals("aac") ? "audio" : "video", decrypted, KEY_ID, WRONG_KEY);
      // Common Encryption carries no key check: the packager decrypts with any key it is given,
      // and what comes out must be unlike the clear samples.
      assertThat(run.succeeded()).as("%s: %s", name, run).isTrue();
      List<byte[]> garbled = FragmentedSamples.read(Files.readAllBytes(decrypted));
      assertThat(garbled).as("%s: samples read back", name).hasSameSizeAs(track.samples());
      assertThat(changedSamples(garbled, track.samples()))
          .as("%s: samples that a wrong key leaves unlike the clear ones", name)
          .isGreaterThan(track.samples().size() * 9 / 10);
    }
  }

  /** Samples that differ; a sample too short to hold a whole block may stay clear in 'cbcs'. */
  private static long changedSamples(List<byte[]> samples, List<byte[]> clear) {
    long changed = 0;
    for (int i = 0; i < Math.min(samples.size(), clear.size()); i++) {
      if (!Arrays.equals(samples.get(i), clear.get(i))) {
        changed++;
      }
    }
    return changed;
  }
}
