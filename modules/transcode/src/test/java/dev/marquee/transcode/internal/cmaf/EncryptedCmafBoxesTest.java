package dev.marquee.transcode.internal.cmaf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marquee.transcode.internal.cmaf.EncodedTracks.Segment;
import dev.marquee.transcode.internal.cmaf.EncodedTracks.Track;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The boxes an encrypted track's init and media segments carry, byte for byte where it matters. */
class EncryptedCmafBoxesTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] KEY_ID = HEX.parseHex("a1a2a3a4b1b2c1c2d1d2d3d4d5d6d7d8");
  private static final byte[] KEY = HEX.parseHex("00000000000000000000000000000001");
  private static final byte[] SEED = "title 42 / 360p".getBytes();

  private static Protection protection(Protection.Scheme scheme) {
    return new Protection(scheme, KEY_ID, KEY, SEED);
  }

  @Test
  void cencVideoInitSegment() {
    Track video = EncodedTracks.video("veryfast");
    List<IsoBox> init =
        IsoBox.parse(CmafWriter.initSegment(video.format(), 1, protection(Protection.Scheme.CENC)));

    IsoBox encv = stsdEntry(init);
    assertThat(encv.type()).isEqualTo("encv");
    assertThat(encv.children()).extracting(IsoBox::type).containsExactly("avcC", "sinf");
    IsoBox sinf = encv.find("sinf").orElseThrow();
    assertThat(sinf.children()).extracting(IsoBox::type).containsExactly("frma", "schm", "schi");
    assertThat(new String(sinf.find("frma").orElseThrow().payload())).isEqualTo("avc1");
    assertThat(HEX.formatHex(sinf.find("schm").orElseThrow().payload()))
        .isEqualTo("00000000" + HEX.formatHex("cenc".getBytes()) + "00010000");
    assertThat(HEX.formatHex(sinf.find("schi", "tenc").orElseThrow().payload()))
        .as("tenc version 0: protected, 8-byte per-sample IVs, the key id")
        .isEqualTo("00000000" + "0000" + "01" + "08" + HEX.formatHex(KEY_ID));
    assertThat(HEX.formatHex(IsoBox.find(init, "moov", "pssh").orElseThrow().payload()))
        .as("pssh version 1, common system id, one key id, no data")
        .isEqualTo(
            "01000000"
                + "1077efecc0b24d02ace33c1e52e2fb4b"
                + "00000001"
                + HEX.formatHex(KEY_ID)
                + "00000000");
  }

  @Test
  void cbcsInitSegmentsCarryThePatternAndTheConstantIv() throws Exception {
    byte[] constantIv =
        Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(concat(KEY_ID, SEED)), 16);
    Protection cbcs = protection(Protection.Scheme.CBCS);

    IsoBox encv =
        stsdEntry(
            IsoBox.parse(
                CmafWriter.initSegment(EncodedTracks.video("veryfast").format(), 1, cbcs)));
    assertThat(HEX.formatHex(encv.find("sinf", "schi", "tenc").orElseThrow().payload()))
        .as("tenc version 1: 1 encrypted and 9 skipped blocks, no per-sample IV, 16-byte IV")
        .isEqualTo(
            "01000000"
                + "00"
                + "19"
                + "01"
                + "00"
                + HEX.formatHex(KEY_ID)
                + "10"
                + HEX.formatHex(constantIv));

    IsoBox enca =
        stsdEntry(IsoBox.parse(CmafWriter.initSegment(EncodedTracks.audio().format(), 1, cbcs)));
    assertThat(enca.type()).isEqualTo("enca");
    assertThat(enca.children()).extracting(IsoBox::type).containsExactly("esds", "sinf");
    assertThat(new String(enca.find("sinf", "frma").orElseThrow().payload())).isEqualTo("mp4a");
    assertThat(HEX.formatHex(enca.find("sinf", "schi", "tenc").orElseThrow().payload()))
        .as("audio: no pattern (whole blocks), as shaka-packager writes it")
        .isEqualTo(
            "01000000"
                + "00"
                + "00"
                + "01"
                + "00"
                + HEX.formatHex(KEY_ID)
                + "10"
                + HEX.formatHex(constantIv));
  }

  @Test
  void clearInitSegmentsAreAsBefore() {
    List<IsoBox> init = IsoBox.parse(CmafWriter.initSegment(EncodedTracks.audio().format(), 1));
    assertThat(stsdEntry(init).type()).isEqualTo("mp4a");
    assertThat(stsdEntry(init).children()).extracting(IsoBox::type).containsExactly("esds");
    assertThat(IsoBox.find(init, "moov", "pssh")).isEmpty();
  }

  @Test
  void cencVideoSegmentPointsSaioAtTheFirstIvAndTrunAtTheFirstSampleByte() throws Exception {
    Track video = EncodedTracks.video("veryfast");
    Segment segment = video.segments().get(1);
    byte[] file =
        CmafWriter.mediaSegment(
            segment.sequenceNumber(),
            1,
            segment.baseMediaDecodeTime(),
            segment.samples(),
            video.format(),
            protection(Protection.Scheme.CENC));
    List<IsoBox> top = IsoBox.parse(file);
    IsoBox moof = IsoBox.find(top, "moof").orElseThrow();
    IsoBox traf = moof.find("traf").orElseThrow();
    assertThat(traf.children())
        .extracting(IsoBox::type)
        .containsExactly("tfhd", "tfdt", "trun", "saiz", "saio", "senc");

    IsoBox senc = traf.find("senc").orElseThrow();
    ByteBuffer sencBody = senc.buffer();
    assertThat(sencBody.getInt(0)).as("version 0, flags: subsamples").isEqualTo(0x2);
    assertThat(sencBody.getInt(4)).isEqualTo(segment.samples().size());

    ByteBuffer saio = traf.find("saio").orElseThrow().buffer();
    assertThat(saio.getInt(0)).isZero();
    assertThat(saio.getInt(4)).as("entry_count").isEqualTo(1);
    int firstInfo = moof.start() + saio.getInt(8);
    assertThat(firstInfo).isEqualTo(senc.payloadStart() + 8);
    byte[] firstIv = Arrays.copyOfRange(file, firstInfo, firstInfo + 8);
    byte[] expectedIv =
        Arrays.copyOf(
            MessageDigest.getInstance("SHA-256")
                .digest(concat(SEED, ByteBuffer.allocate(8).putInt(2).putInt(0).array())),
            8);
    assertThat(firstIv).isEqualTo(expectedIv);

    List<SencEntries.Entry> entries = SencEntries.read(file, 8);
    ByteBuffer saiz = traf.find("saiz").orElseThrow().buffer();
    assertThat(saiz.getInt(0)).isZero();
    int defaultSize = saiz.get(4) & 0xFF;
    assertThat(saiz.getInt(5)).isEqualTo(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      int size = defaultSize != 0 ? defaultSize : saiz.get(9 + i) & 0xFF;
      assertThat(size).isEqualTo(8 + 2 + 6 * entries.get(i).subsamples().size());
      int mapped =
          entries.get(i).subsamples().stream()
              .mapToInt(s -> s.clearBytes() + s.protectedBytes())
              .sum();
      assertThat(mapped).isEqualTo(segment.samples().get(i).data().length);
    }

    IsoBox mdat = IsoBox.find(top, "mdat").orElseThrow();
    ByteBuffer trun = traf.find("trun").orElseThrow().buffer();
    assertThat(moof.start() + trun.getInt(8)).isEqualTo(mdat.payloadStart());
    assertThat(mdat.size() - 8)
        .isEqualTo(segment.samples().stream().mapToInt(s -> s.data().length).sum());
  }

  @Test
  void cbcsAudioSegmentHasNoAuxiliaryInformationToPointAt() {
    Track audio = EncodedTracks.audio();
    Segment segment = audio.segments().get(0);
    byte[] file =
        CmafWriter.mediaSegment(
            1, 1, 0, segment.samples(), audio.format(), protection(Protection.Scheme.CBCS));
    IsoBox traf = IsoBox.find(IsoBox.parse(file), "moof", "traf").orElseThrow();
    assertThat(traf.children())
        .extracting(IsoBox::type)
        .containsExactly("tfhd", "tfdt", "trun", "senc");
    ByteBuffer senc = traf.find("senc").orElseThrow().buffer();
    assertThat(senc.getInt(0)).as("no subsamples").isZero();
    assertThat(senc.getInt(4)).isEqualTo(segment.samples().size());
    assertThat(senc.capacity()).isEqualTo(8);
  }

  @Test
  void cencAudioSegmentHasAnIvPerSampleAndNoSubsamples() {
    Track audio = EncodedTracks.audio();
    Segment segment = audio.segments().get(0);
    byte[] file =
        CmafWriter.mediaSegment(
            1, 1, 0, segment.samples(), audio.format(), protection(Protection.Scheme.CENC));
    IsoBox traf = IsoBox.find(IsoBox.parse(file), "moof", "traf").orElseThrow();
    ByteBuffer saiz = traf.find("saiz").orElseThrow().buffer();
    assertThat(saiz.get(4)).as("default_sample_info_size").isEqualTo((byte) 8);
    ByteBuffer senc = traf.find("senc").orElseThrow().buffer();
    assertThat(senc.getInt(0)).isZero();
    assertThat(senc.capacity()).isEqualTo(8 + 8 * segment.samples().size());
  }

  @Test
  void encryptionIsDeterministicAndIvsNeverRepeatAcrossRenditionsSharingAKey() {
    Track video = EncodedTracks.video("veryfast");
    Protection rung240 = protection(Protection.Scheme.CENC);
    assertThat(video.encryptedFile(rung240)).isEqualTo(video.encryptedFile(rung240));

    Protection rung360 =
        new Protection(Protection.Scheme.CENC, KEY_ID, KEY, "title 42 / 480p".getBytes());
    Set<String> ivs = new HashSet<>();
    for (Protection p : List.of(rung240, rung360)) {
      for (SencEntries.Entry e : SencEntries.read(video.encryptedFile(p), 8)) {
        assertThat(ivs.add(HEX.formatHex(e.iv())))
            .as("IV %s is new", HEX.formatHex(e.iv()))
            .isTrue();
      }
    }
    assertThat(ivs).hasSize(2 * video.samples().size());
    assertThat(rung240.constantIv())
        .isNotEqualTo(
            new Protection(Protection.Scheme.CBCS, KEY_ID, KEY, "title 42 / 480p".getBytes())
                .constantIv());
  }

  @Test
  void theKeyNeverShowsInToString() {
    assertThat(protection(Protection.Scheme.CBCS).toString())
        .contains("cbcs", HEX.formatHex(KEY_ID))
        .doesNotContain(HEX.formatHex(KEY));
  }

  private static IsoBox stsdEntry(List<IsoBox> init) {
    return IsoBox.find(init, "moov", "trak", "mdia", "minf", "stbl", "stsd")
        .orElseThrow()
        .children()
        .get(0);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
