package dev.marquee.transcode.internal.cmaf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.transcode.internal.cmaf.EncodedTracks.Track;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * shaka-packager encrypts the same clear samples, and we compare how it split them: for 'cbcs' its
 * clear ranges end exactly where slice headers end, so this checks our slice header parser on every
 * slice of real x264 output (I, P and B slices, CABAC and CAVLC, weighted prediction, several
 * references); for 'cenc' it checks the 16-byte alignment convention. Given our constant IV,
 * shaka's 'cbcs' ciphertext must also equal ours byte for byte.
 */
class ShakaEncryptionComparisonTest {
  private static final byte[] KEY_ID = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
  private static final byte[] KEY = HexFormat.of().parseHex("ffeeddccbbaa99887766554433221100");

  @TempDir Path folder;

  @ParameterizedTest
  @ValueSource(strings = {"veryfast", "ultrafast", "medium"})
  void ourSubsampleMapsAreShakaPackagersForBothSchemes(String preset) throws Exception {
    Track track = EncodedTracks.video(preset);
    Path clear = Files.write(folder.resolve("clear.mp4"), track.clearFile());
    TrackFormat.Video format = (TrackFormat.Video) track.format();
    for (Protection.Scheme scheme : Protection.Scheme.values()) {
      Path encrypted = folder.resolve(scheme.fourCc() + ".mp4");
      ShakaPackager.Run run =
          ShakaPackager.encrypt(clear, "video", encrypted, scheme, KEY_ID, KEY, null);
      assertThat(run.succeeded()).as(run.output()).isTrue();
      List<SencEntries.Entry> shaka =
          SencEntries.read(Files.readAllBytes(encrypted), scheme == Protection.Scheme.CENC ? 8 : 0);
      assertThat(shaka).hasSameSizeAs(track.samples());

      AvcSubsampleMapper ours =
          new AvcSubsampleMapper(format.avc(), scheme == Protection.Scheme.CENC);
      int protectedSlices = 0;
      for (int i = 0; i < shaka.size(); i++) {
        List<Subsample> expected = shaka.get(i).subsamples();
        assertThat(ours.map(track.samples().get(i)))
            .as("%s %s sample %d", preset, scheme, i)
            .isEqualTo(expected);
        protectedSlices += (int) expected.stream().filter(s -> s.protectedBytes() > 0).count();
      }
      assertThat(protectedSlices).isGreaterThanOrEqualTo(track.samples().size());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"veryfast", "aac"})
  void givenOurConstantIvShakaPackagersCbcsCiphertextIsOurs(String name) throws Exception {
    Track track = name.equals("aac") ? EncodedTracks.audio() : EncodedTracks.video(name);
    Protection protection =
        new Protection(Protection.Scheme.CBCS, KEY_ID, KEY, "rendition".getBytes());
    Path clear = Files.write(folder.resolve("clear.mp4"), track.clearFile());
    Path shakas = folder.resolve("shaka.mp4");
    ShakaPackager.Run run =
        ShakaPackager.encrypt(
            clear,
            name.equals("aac") ? "audio" : "video",
            shakas,
            Protection.Scheme.CBCS,
            KEY_ID,
            KEY,
            protection.constantIv());
    assertThat(run.succeeded()).as(run.output()).isTrue();

    List<byte[]> theirs = FragmentedSamples.read(Files.readAllBytes(shakas));
    List<byte[]> ours = FragmentedSamples.read(track.encryptedFile(protection));
    assertThat(theirs).hasSameSizeAs(ours);
    for (int i = 0; i < ours.size(); i++) {
      assertThat(Arrays.mismatch(ours.get(i), theirs.get(i)))
          .as("%s sample %d: first byte that differs", name, i)
          .isEqualTo(-1);
    }
  }
}
