package dev.marquee.transcode.internal.cmaf;

import java.util.HashMap;
import java.util.Map;

/**
 * The fields of H.264 sequence and picture parameter sets (ISO/IEC 14496-10 7.3.2.1.1, 7.3.2.2)
 * that decide how a slice header is laid out, keyed by their ids as a decoder keeps them.
 */
final class AvcParameterSets {
  private static final int NAL_SPS = 7;
  private static final int NAL_PPS = 8;

  /** What a slice header's layout depends on in the SPS. */
  record Sps(
      int id,
      int chromaArrayType,
      boolean separateColourPlane,
      int log2MaxFrameNum,
      int picOrderCntType,
      int log2MaxPicOrderCntLsb,
      boolean deltaPicOrderAlwaysZero,
      boolean frameMbsOnly) {}

  /** What a slice header's layout depends on in the PPS. */
  record Pps(
      int id,
      int spsId,
      boolean entropyCodingMode,
      boolean bottomFieldPicOrderInFramePresent,
      int numRefIdxL0DefaultActiveMinus1,
      int numRefIdxL1DefaultActiveMinus1,
      boolean weightedPred,
      int weightedBipredIdc,
      boolean deblockingFilterControlPresent,
      boolean redundantPicCntPresent) {}

  private final Map<Integer, Sps> spsById = new HashMap<>();
  private final Map<Integer, Pps> ppsById = new HashMap<>();

  /** The parameter sets of a track's decoder configuration. */
  static AvcParameterSets of(AvcConfiguration avc) {
    AvcParameterSets sets = new AvcParameterSets();
    sets.add(avc.sps(), 0, avc.sps().length);
    sets.add(avc.pps(), 0, avc.pps().length);
    return sets;
  }

  /**
   * Takes in the NAL unit {@code data[from, to)} if it is an SPS or a PPS; ignores it otherwise.
   */
  void add(byte[] data, int from, int to) {
    int type = data[from] & 0x1F;
    if (type == NAL_SPS) {
      Sps sps = parseSps(new RbspBitReader(data, from + 1, to));
      spsById.put(sps.id(), sps);
    } else if (type == NAL_PPS) {
      Pps pps = parsePps(new RbspBitReader(data, from + 1, to));
      ppsById.put(pps.id(), pps);
    }
  }

  Pps pps(int id) {
    Pps pps = ppsById.get(id);
    if (pps == null) {
      throw new IllegalArgumentException("slice refers to unknown PPS " + id);
    }
    return pps;
  }

  Sps sps(int id) {
    Sps sps = spsById.get(id);
    if (sps == null) {
      throw new IllegalArgumentException("PPS refers to unknown SPS " + id);
    }
    return sps;
  }

  private static Sps parseSps(RbspBitReader r) {
    int profileIdc = (int) r.bits(8);
    r.bits(8); // constraint_set flags, reserved_zero_2bits
    r.bits(8); // level_idc
    int id = r.ueInt(31);
    int chromaFormatIdc = 1;
    boolean separateColourPlane = false;
    if (hasChromaInfo(profileIdc)) {
      chromaFormatIdc = r.ueInt(3);
      if (chromaFormatIdc == 3) {
        separateColourPlane = r.flag();
      }
      r.ue(); // bit_depth_luma_minus8
      r.ue(); // bit_depth_chroma_minus8
      r.flag(); // qpprime_y_zero_transform_bypass_flag
      if (r.flag()) { // seq_scaling_matrix_present_flag
        int lists = chromaFormatIdc != 3 ? 8 : 12;
        for (int i = 0; i < lists; i++) {
          if (r.flag()) {
            skipScalingList(r, i < 6 ? 16 : 64);
          }
        }
      }
    }
    int log2MaxFrameNum = r.ueInt(12) + 4;
    int picOrderCntType = r.ueInt(2);
    int log2MaxPicOrderCntLsb = 0;
    boolean deltaPicOrderAlwaysZero = false;
    if (picOrderCntType == 0) {
      log2MaxPicOrderCntLsb = r.ueInt(12) + 4;
    } else if (picOrderCntType == 1) {
      deltaPicOrderAlwaysZero = r.flag();
      r.se(); // offset_for_non_ref_pic
      r.se(); // offset_for_top_to_bottom_field
      int cycle = r.ueInt(255);
      for (int i = 0; i < cycle; i++) {
        r.se(); // offset_for_ref_frame
      }
    }
    r.ue(); // max_num_ref_frames
    r.flag(); // gaps_in_frame_num_value_allowed_flag
    r.ue(); // pic_width_in_mbs_minus1
    r.ue(); // pic_height_in_map_units_minus1
    boolean frameMbsOnly = r.flag();
    // The rest (cropping, VUI) does not shape slice headers.
    return new Sps(
        id,
        separateColourPlane ? 0 : chromaFormatIdc,
        separateColourPlane,
        log2MaxFrameNum,
        picOrderCntType,
        log2MaxPicOrderCntLsb,
        deltaPicOrderAlwaysZero,
        frameMbsOnly);
  }

  /** Profiles whose SPS carries chroma_format_idc, bit depths and scaling matrices. */
  private static boolean hasChromaInfo(int profileIdc) {
    return switch (profileIdc) {
      case 100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135 -> true;
      default -> false;
    };
  }

  /** scaling_list() (7.3.2.1.1.1): read only for its length. */
  private static void skipScalingList(RbspBitReader r, int size) {
    int lastScale = 8;
    int nextScale = 8;
    for (int j = 0; j < size; j++) {
      if (nextScale != 0) {
        nextScale = (int) ((lastScale + r.se() + 256) % 256);
      }
      lastScale = nextScale == 0 ? lastScale : nextScale;
    }
  }

  private static Pps parsePps(RbspBitReader r) {
    int id = r.ueInt(255);
    int spsId = r.ueInt(31);
    boolean entropyCodingMode = r.flag();
    boolean bottomFieldPicOrderInFramePresent = r.flag();
    if (r.ue() != 0) {
      // Slice groups exist only in the Baseline and Extended profiles; libx264 never writes them.
      throw new IllegalArgumentException("H.264 slice groups (FMO) are not supported");
    }
    int l0 = r.ueInt(31);
    int l1 = r.ueInt(31);
    boolean weightedPred = r.flag();
    int weightedBipredIdc = (int) r.bits(2);
    r.se(); // pic_init_qp_minus26
    r.se(); // pic_init_qs_minus26
    r.se(); // chroma_qp_index_offset
    boolean deblockingFilterControlPresent = r.flag();
    r.flag(); // constrained_intra_pred_flag
    boolean redundantPicCntPresent = r.flag();
    // transform_8x8_mode_flag and what follows do not shape slice headers.
    return new Pps(
        id,
        spsId,
        entropyCodingMode,
        bottomFieldPicOrderInFramePresent,
        l0,
        l1,
        weightedPred,
        weightedBipredIdc,
        deblockingFilterControlPresent,
        redundantPicCntPresent);
  }
}
