package dev.marquee.transcode.internal.cmaf;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * CMAF (ISO/IEC 23000-19) for one track: an init segment (ftyp + moov with an empty sample table
 * and mvex) and media segments (styp + moof + mdat, one fragment each, tfdt continuous across
 * segments). Segments are written clear, or encrypted with Common Encryption (ISO/IEC 23001-7,
 * schemes 'cenc' and 'cbcs') when given a {@link Protection}.
 */
public final class CmafWriter {
  private static final int SYNC = 0x02000000;
  private static final int NON_SYNC = 0x01010000;
  private static final int TRUN_FLAGS = 0x000001 | 0x000100 | 0x000200 | 0x000400 | 0x000800;
  private static final int LANGUAGE_UNDETERMINED = 0x55C4;

  private CmafWriter() {}

  public static byte[] initSegment(TrackFormat format, int trackId) {
    return init(format, trackId, null);
  }

  /**
   * An init segment for an encrypted track: the sample entry becomes encv or enca with a sinf box
   * (the scheme and the track's key id), and moov carries a common-system (ClearKey) pssh box.
   */
  public static byte[] initSegment(TrackFormat format, int trackId, Protection protection) {
    return init(format, trackId, Objects.requireNonNull(protection, "protection"));
  }

  private static byte[] init(TrackFormat format, int trackId, Protection protection) {
    BoxWriter w = new BoxWriter();
    w.open("ftyp").fourCc("iso6").u32(0).fourCc("iso6").fourCc("cmfc").fourCc("mp41").close();
    w.open("moov");
    w.openFull("mvhd", 0, 0)
        .u32(0)
        .u32(0)
        .u32(1000)
        .u32(0)
        .u32(0x00010000)
        .u16(0x0100)
        .zeros(10)
        .unityMatrix()
        .zeros(24)
        .u32(trackId + 1L)
        .close();
    boolean video = format instanceof TrackFormat.Video;
    w.open("trak");
    w.openFull("tkhd", 0, 3)
        .u32(0)
        .u32(0)
        .u32(trackId)
        .u32(0)
        .u32(0)
        .zeros(8)
        .u16(0)
        .u16(0)
        .u16(video ? 0 : 0x0100)
        .u16(0)
        .unityMatrix();
    if (format instanceof TrackFormat.Video v) {
      w.u32((long) v.width() << 16).u32((long) v.height() << 16);
    } else {
      w.u32(0).u32(0);
    }
    w.close();
    w.open("mdia");
    w.openFull("mdhd", 0, 0)
        .u32(0)
        .u32(0)
        .u32(format.timescale())
        .u32(0)
        .u16(language(format))
        .u16(0)
        .close();
    w.openFull("hdlr", 0, 0)
        .u32(0)
        .fourCc(video ? "vide" : "soun")
        .zeros(12)
        .bytes((video ? "Marquee video\0" : "Marquee audio\0").getBytes(StandardCharsets.US_ASCII))
        .close();
    w.open("minf");
    if (video) {
      w.openFull("vmhd", 0, 1).u16(0).zeros(6).close();
    } else {
      w.openFull("smhd", 0, 0).u16(0).u16(0).close();
    }
    w.open("dinf").openFull("dref", 0, 0).u32(1).openFull("url ", 0, 1).close().close().close();
    w.open("stbl");
    w.openFull("stsd", 0, 0).u32(1);
    sampleEntry(w, format, protection);
    w.close();
    w.openFull("stts", 0, 0).u32(0).close();
    w.openFull("stsc", 0, 0).u32(0).close();
    w.openFull("stsz", 0, 0).u32(0).u32(0).close();
    w.openFull("stco", 0, 0).u32(0).close();
    w.close(); // stbl
    w.close(); // minf
    w.close(); // mdia
    w.close(); // trak
    w.open("mvex").openFull("trex", 0, 0).u32(trackId).u32(1).u32(0).u32(0).u32(0).close().close();
    if (protection != null) {
      ProtectionBoxes.commonPssh(w, protection.keyId());
    }
    w.close(); // moov
    return w.toByteArray();
  }

  private static void sampleEntry(BoxWriter w, TrackFormat format, Protection protection) {
    if (format instanceof TrackFormat.Video v) {
      w.open(protection == null ? "avc1" : "encv")
          .zeros(6)
          .u16(1)
          .u16(0)
          .u16(0)
          .zeros(12)
          .u16(v.width())
          .u16(v.height())
          .u32(0x00480000)
          .u32(0x00480000)
          .u32(0)
          .u16(1)
          .zeros(32)
          .u16(0x0018)
          .u16(0xFFFF);
      w.open("avcC").bytes(v.avc().decoderConfigurationRecord()).close();
      if (protection != null) {
        ProtectionBoxes.sinf(w, "avc1", protection, true);
      }
      w.close();
    } else if (format instanceof TrackFormat.Audio a) {
      w.open(protection == null ? "mp4a" : "enca")
          .zeros(6)
          .u16(1)
          .zeros(8)
          .u16(a.channels())
          .u16(16)
          .u16(0)
          .u16(0)
          .u32((long) a.sampleRate() << 16);
      byte[] asc = a.audioSpecificConfig();
      w.openFull("esds", 0, 0);
      w.u8(0x03).u8(23 + asc.length).u16(0).u8(0); // ES_Descriptor, ES_ID 0
      w.u8(0x04).u8(15 + asc.length).u8(0x40).u8(0x15).u24(0).u32(0).u32(0); // AAC, audio stream
      w.u8(0x05).u8(asc.length).bytes(asc); // AudioSpecificConfig
      w.u8(0x06).u8(1).u8(0x02); // SLConfig
      w.close();
      if (protection != null) {
        ProtectionBoxes.sinf(w, "mp4a", protection, false);
      }
      w.close();
    }
  }

  private static int language(TrackFormat format) {
    if (format instanceof TrackFormat.Audio a
        && a.language() != null
        && a.language().length() == 3) {
      String l = a.language().toLowerCase(Locale.ROOT);
      return ((l.charAt(0) - 0x60) << 10) | ((l.charAt(1) - 0x60) << 5) | (l.charAt(2) - 0x60);
    }
    return LANGUAGE_UNDETERMINED;
  }

  /**
   * One media segment holding one fragment. {@code baseMediaDecodeTime} is the decode time of the
   * first sample in the track's timescale: the sum of all earlier segments' durations.
   */
  public static byte[] mediaSegment(
      int sequenceNumber, int trackId, long baseMediaDecodeTime, List<CmafSample> samples) {
    return segment(sequenceNumber, trackId, baseMediaDecodeTime, samples, null);
  }

  /**
   * One encrypted media segment: the samples' data is encrypted as {@code protection} says, and the
   * traf carries their IVs and subsample maps (saiz, saio, senc). {@code format} is the track's
   * format as given to {@link #initSegment(TrackFormat, int, Protection)}: video samples need its
   * parameter sets to find where slice headers end.
   */
  public static byte[] mediaSegment(
      int sequenceNumber,
      int trackId,
      long baseMediaDecodeTime,
      List<CmafSample> samples,
      TrackFormat format,
      Protection protection) {
    SampleEncryptor.EncryptedFragment encrypted =
        new SampleEncryptor(
                Objects.requireNonNull(format, "format"),
                Objects.requireNonNull(protection, "protection"))
            .encrypt(sequenceNumber, samples);
    return segment(sequenceNumber, trackId, baseMediaDecodeTime, samples, encrypted);
  }

  /** {@code encrypted} is null for a clear segment. */
  private static byte[] segment(
      int sequenceNumber,
      int trackId,
      long baseMediaDecodeTime,
      List<CmafSample> samples,
      SampleEncryptor.EncryptedFragment encrypted) {
    BoxWriter w = new BoxWriter();
    w.open("styp").fourCc("msdh").u32(0).fourCc("msdh").fourCc("cmfs").close();
    int moofStart = w.size();
    w.open("moof");
    w.openFull("mfhd", 0, 0).u32(sequenceNumber).close();
    w.open("traf");
    w.openFull("tfhd", 0, 0x020000).u32(trackId).close(); // default-base-is-moof
    w.openFull("tfdt", 1, 0).u64(baseMediaDecodeTime).close();
    w.openFull("trun", 1, TRUN_FLAGS).u32(samples.size());
    int dataOffsetAt = w.size();
    w.u32(0);
    long payload = 0;
    for (CmafSample s : samples) {
      w.u32(s.duration())
          .u32(s.data().length)
          .u32(s.sync() ? SYNC : NON_SYNC)
          .u32(s.compositionOffset());
      payload += s.data().length;
    }
    w.close(); // trun
    if (encrypted != null) {
      ProtectionBoxes.sampleEncryption(w, moofStart, encrypted);
    }
    w.close(); // traf
    w.close(); // moof
    int moofSize = w.size() - moofStart;
    w.patchU32(dataOffsetAt, moofSize + 8L); // first sample byte: after moof and mdat's header
    w.u32(8 + payload).fourCc("mdat");
    for (int i = 0; i < samples.size(); i++) {
      w.bytes(encrypted == null ? samples.get(i).data() : encrypted.samples().get(i).data());
    }
    return w.toByteArray();
  }
}
