package dev.marquee.transcode.internal.cmaf;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * H.264 parameter sets and the two ways of framing NAL units: Annex B start codes (what libx264
 * emits) and 4-byte length prefixes (what MP4 samples carry).
 */
public record AvcConfiguration(byte[] sps, byte[] pps) {
  private static final int NAL_SPS = 7;
  private static final int NAL_PPS = 8;
  private static final int NAL_AUD = 9;

  /** Finds the SPS and PPS in Annex B extradata. */
  public static AvcConfiguration fromAnnexB(byte[] extradata) {
    byte[] sps = null;
    byte[] pps = null;
    for (byte[] nal : splitAnnexB(extradata)) {
      int type = nal[0] & 0x1F;
      if (type == NAL_SPS && sps == null) {
        sps = nal;
      } else if (type == NAL_PPS && pps == null) {
        pps = nal;
      }
    }
    if (sps == null || pps == null || sps.length < 4) {
      throw new IllegalArgumentException("extradata holds no SPS and PPS");
    }
    return new AvcConfiguration(sps, pps);
  }

  /** RFC 6381: avc1.PPCCLL from profile_idc, constraint flags and level_idc. */
  public String codecs() {
    return "avc1." + HexFormat.of().formatHex(new byte[] {sps[1], sps[2], sps[3]});
  }

  public int profile() {
    return sps[1] & 0xFF;
  }

  /** The AVCDecoderConfigurationRecord (ISO/IEC 14496-15) that goes into the avcC box. */
  public byte[] decoderConfigurationRecord() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(1);
    out.write(sps[1]);
    out.write(sps[2]);
    out.write(sps[3]);
    out.write(0xFF); // 4-byte NAL lengths
    out.write(0xE1); // one SPS
    out.write(sps.length >>> 8);
    out.write(sps.length & 0xFF);
    out.writeBytes(sps);
    out.write(1); // one PPS
    out.write(pps.length >>> 8);
    out.write(pps.length & 0xFF);
    out.writeBytes(pps);
    if (profile() == 100 || profile() == 110 || profile() == 122 || profile() == 144) {
      out.write(0xFC | 1); // 4:2:0
      out.write(0xF8); // 8-bit luma
      out.write(0xF8); // 8-bit chroma
      out.write(0); // no SPS extensions
    }
    return out.toByteArray();
  }

  /** An Annex B access unit as an MP4 sample: parameter sets and delimiters dropped. */
  public static byte[] toLengthPrefixed(byte[] annexB) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(annexB.length + 16);
    for (byte[] nal : splitAnnexB(annexB)) {
      int type = nal[0] & 0x1F;
      if (type == NAL_SPS || type == NAL_PPS || type == NAL_AUD) {
        continue;
      }
      out.write(nal.length >>> 24);
      out.write(nal.length >>> 16);
      out.write(nal.length >>> 8);
      out.write(nal.length);
      out.writeBytes(nal);
    }
    return out.toByteArray();
  }

  static List<byte[]> splitAnnexB(byte[] data) {
    List<byte[]> nals = new ArrayList<>();
    int start = -1;
    int i = 0;
    while (i + 2 < data.length) {
      if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1) {
        if (start >= 0) {
          nals.add(trimmed(data, start, i));
        }
        i += 3;
        start = i;
      } else {
        i++;
      }
    }
    if (start >= 0 && start < data.length) {
      nals.add(trimmed(data, start, data.length));
    }
    nals.removeIf(n -> n.length == 0);
    return nals;
  }

  /** A NAL ends before the zero bytes of the next 4-byte start code. */
  private static byte[] trimmed(byte[] data, int from, int to) {
    int end = to;
    while (end > from && data[end - 1] == 0) {
      end--;
    }
    return Arrays.copyOfRange(data, from, end);
  }
}
