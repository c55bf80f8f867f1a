package dev.marquee.transcode.internal.cmaf;

/**
 * Finds where an H.264 slice header ends (ISO/IEC 14496-10 7.3.3), which Common Encryption needs:
 * the NAL header and the slice header stay clear, the slice data after them is protected (ISO/IEC
 * 23001-7 9.5.2.2 for 'avc1'; required for 'cbcs').
 *
 * <p>The size is counted in bytes of the NAL unit as stored, emulation-prevention bytes included,
 * and rounded up to a whole byte: the byte that holds the last header bits (and, with CABAC, the
 * cabac_alignment_one_bits up to the byte boundary where slice data starts) stays clear. That is
 * shaka-packager's H264VideoSliceHeaderParser rule, so both split samples the same way.
 */
final class SliceHeaderParser {
  private static final int P = 0;
  private static final int B = 1;
  private static final int I = 2;
  private static final int SP = 3;
  private static final int SI = 4;

  private final AvcParameterSets parameterSets;

  SliceHeaderParser(AvcParameterSets parameterSets) {
    this.parameterSets = parameterSets;
  }

  /**
   * The NAL header byte plus the slice header of the coded slice (NAL type 1 or 5) stored in {@code
   * data[from, to)}, in bytes.
   */
  int clearBytes(byte[] data, int from, int to) {
    int header = data[from] & 0xFF;
    int nalRefIdc = (header >>> 5) & 3;
    int nalType = header & 0x1F;
    if (nalType != 1 && nalType != 5) {
      throw new IllegalArgumentException("not a coded slice: NAL type " + nalType);
    }
    boolean idr = nalType == 5;
    RbspBitReader r = new RbspBitReader(data, from + 1, to);

    r.ue(); // first_mb_in_slice
    int sliceType = r.ueInt(9) % 5;
    AvcParameterSets.Pps pps = parameterSets.pps(r.ueInt(255));
    AvcParameterSets.Sps sps = parameterSets.sps(pps.spsId());
    if (sps.separateColourPlane()) {
      r.bits(2); // colour_plane_id
    }
    r.bits(sps.log2MaxFrameNum()); // frame_num
    boolean fieldPic = false;
    if (!sps.frameMbsOnly()) {
      fieldPic = r.flag();
      if (fieldPic) {
        r.flag(); // bottom_field_flag
      }
    }
    if (idr) {
      r.ue(); // idr_pic_id
    }
    if (sps.picOrderCntType() == 0) {
      r.bits(sps.log2MaxPicOrderCntLsb()); // pic_order_cnt_lsb
      if (pps.bottomFieldPicOrderInFramePresent() && !fieldPic) {
        r.se(); // delta_pic_order_cnt_bottom
      }
    }
    if (sps.picOrderCntType() == 1 && !sps.deltaPicOrderAlwaysZero()) {
      r.se(); // delta_pic_order_cnt[0]
      if (pps.bottomFieldPicOrderInFramePresent() && !fieldPic) {
        r.se(); // delta_pic_order_cnt[1]
      }
    }
    if (pps.redundantPicCntPresent()) {
      r.ue(); // redundant_pic_cnt
    }
    if (sliceType == B) {
      r.flag(); // direct_spatial_mv_pred_flag
    }
    int refIdxL0 = pps.numRefIdxL0DefaultActiveMinus1();
    int refIdxL1 = pps.numRefIdxL1DefaultActiveMinus1();
    if (sliceType == P || sliceType == SP || sliceType == B) {
      if (r.flag()) { // num_ref_idx_active_override_flag
        refIdxL0 = r.ueInt(31);
        if (sliceType == B) {
          refIdxL1 = r.ueInt(31);
        }
      }
    }
    // ref_pic_list_modification() (7.3.3.1)
    if (sliceType != I && sliceType != SI) {
      skipRefPicListModification(r);
    }
    if (sliceType == B) {
      skipRefPicListModification(r);
    }
    if ((pps.weightedPred() && (sliceType == P || sliceType == SP))
        || (pps.weightedBipredIdc() == 1 && sliceType == B)) {
      skipPredWeightTable(r, sps.chromaArrayType(), refIdxL0, sliceType == B ? refIdxL1 : -1);
    }
    if (nalRefIdc != 0) {
      skipDecRefPicMarking(r, idr);
    }
    if (pps.entropyCodingMode() && sliceType != I && sliceType != SI) {
      r.ue(); // cabac_init_idc
    }
    r.se(); // slice_qp_delta
    if (sliceType == SP || sliceType == SI) {
      if (sliceType == SP) {
        r.flag(); // sp_for_switch_flag
      }
      r.se(); // slice_qs_delta
    }
    if (pps.deblockingFilterControlPresent()) {
      if (r.ueInt(2) != 1) { // disable_deblocking_filter_idc
        r.se(); // slice_alpha_c0_offset_div2
        r.se(); // slice_beta_offset_div2
      }
    }
    // No slice_group_change_cycle: parameter sets with slice groups are refused.
    return 1 + r.rawBytesConsumed();
  }

  private static void skipRefPicListModification(RbspBitReader r) {
    if (!r.flag()) { // ref_pic_list_modification_flag_lX
      return;
    }
    for (int entries = 0; entries <= 32; entries++) {
      int idc = r.ueInt(3); // modification_of_pic_nums_idc
      if (idc == 3) {
        return;
      }
      r.ue(); // abs_diff_pic_num_minus1 (0, 1) or long_term_pic_num (2)
    }
    throw new IllegalArgumentException("ref_pic_list_modification does not end");
  }

  /** pred_weight_table() (7.3.3.2); {@code refIdxL1} is -1 outside B slices. */
  private static void skipPredWeightTable(
      RbspBitReader r, int chromaArrayType, int refIdxL0, int refIdxL1) {
    r.ue(); // luma_log2_weight_denom
    if (chromaArrayType != 0) {
      r.ue(); // chroma_log2_weight_denom
    }
    skipWeights(r, chromaArrayType, refIdxL0);
    if (refIdxL1 >= 0) {
      skipWeights(r, chromaArrayType, refIdxL1);
    }
  }

  private static void skipWeights(RbspBitReader r, int chromaArrayType, int numRefIdxActiveMinus1) {
    for (int i = 0; i <= numRefIdxActiveMinus1; i++) {
      if (r.flag()) { // luma_weight_flag
        r.se(); // luma_weight
        r.se(); // luma_offset
      }
      if (chromaArrayType != 0 && r.flag()) { // chroma_weight_flag
        for (int j = 0; j < 2; j++) {
          r.se(); // chroma_weight
          r.se(); // chroma_offset
        }
      }
    }
  }

  /** dec_ref_pic_marking() (7.3.3.3). */
  private static void skipDecRefPicMarking(RbspBitReader r, boolean idr) {
    if (idr) {
      r.flag(); // no_output_of_prior_pics_flag
      r.flag(); // long_term_reference_flag
      return;
    }
    if (!r.flag()) { // adaptive_ref_pic_marking_mode_flag
      return;
    }
    for (int operations = 0; operations < 100; operations++) {
      int mmco = r.ueInt(6); // memory_management_control_operation
      if (mmco == 0) {
        return;
      }
      if (mmco == 1 || mmco == 3) {
        r.ue(); // difference_of_pic_nums_minus1
      }
      if (mmco == 2) {
        r.ue(); // long_term_pic_num
      }
      if (mmco == 3 || mmco == 6) {
        r.ue(); // long_term_frame_idx
      }
      if (mmco == 4) {
        r.ue(); // max_long_term_frame_idx_plus1
      }
    }
    throw new IllegalArgumentException("dec_ref_pic_marking does not end");
  }
}
