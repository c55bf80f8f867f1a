package dev.marquee.transcode.internal.cmaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where slice headers end: in real libx264 output (the sizes shaka-packager 3.4.2 finds for the
 * same NAL units, see {@link ShakaEncryptionComparisonTest}), and in headers written here with the
 * syntax x264 never uses (field pictures, picture order count type 1, SP slices, memory management
 * operations, emulation prevention inside the header).
 */
class SliceHeaderParserTest {
  private static final HexFormat HEX = HexFormat.of();

  /** The parameter sets of the pipeline's 240p rung with three libx264 presets. */
  private static final String VERYFAST_SPS = "67640015acd941b1fe4e1000000300100000030320f162d960";

  private static final String VERYFAST_PPS = "68efbcb0";
  private static final String ULTRAFAST_SPS = "674d4015eca0d8ff27080000030008000003019078b16cb0";
  private static final String ULTRAFAST_PPS = "68ce3c80";
  private static final String MEDIUM_PPS = "68ebecb22c";

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    // preset, what, start of the NAL unit (header byte first), NAL header + slice header bytes
    "veryfast, IDR I slice (CABAC), 65888400fff08434, 5",
    "veryfast, P slice with pred_weight_table, 419a231893fffe5af6, 6",
    "veryfast, reference B slice, 419e41422bffeffbfa, 6",
    "veryfast, non-reference B slice, 019e624467fcc26d, 5",
    "veryfast, P slice, 419a66344c46ff733247, 7",
    "veryfast, reference B slice, 419f8845152c7ffefcdf, 7",
    "ultrafast, IDR I slice (CAVLC), 6588840042198a00, 5",
    "ultrafast, P slice (CAVLC), 419a23014a1dc001, 5",
    "ultrafast, reference B slice (CAVLC), 419e414062b02402, 5",
    "ultrafast, non-reference B slice (CAVLC), 019e6240e5202908, 5",
    "ultrafast, P slice (CAVLC), 419a66344258640a00, 6",
    "ultrafast, reference B slice (CAVLC), 419f884515291504042d, 7",
    "medium, IDR I slice, 65888400fffe693f, 5",
    "medium, non-reference B slice, 019e626a467ffe73f1, 6",
    "medium, P slice with reordering and weights, 419a6649a84168994c08ff789a3f, 11",
    "medium, P slice with reordering and weights, 419a7e49a8416c994c084fff60274e, 12",
  })
  void realLibx264SliceHeaders(String preset, String what, String nal, int clearBytes) {
    String sps = preset.equals("ultrafast") ? ULTRAFAST_SPS : VERYFAST_SPS;
    String pps =
        switch (preset) {
          case "ultrafast" -> ULTRAFAST_PPS;
          case "medium" -> MEDIUM_PPS;
          default -> VERYFAST_PPS;
        };
    SliceHeaderParser parser =
        new SliceHeaderParser(
            AvcParameterSets.of(new AvcConfiguration(HEX.parseHex(sps), HEX.parseHex(pps))));
    byte[] bytes = HEX.parseHex(nal);
    assertThat(parser.clearBytes(bytes, 0, bytes.length)).isEqualTo(clearBytes);
  }

  @Test
  void fieldCodedBSliceWithEveryOptionalPart() {
    RbspWriter header =
        new RbspWriter()
            .ue(0) // first_mb_in_slice
            .ue(6) // slice_type: B
            .ue(0) // pic_parameter_set_id
            .u(6, 5) // frame_num
            .flag(true) // field_pic_flag
            .flag(true) // bottom_field_flag
            .se(-1) // delta_pic_order_cnt[0]; no [1] in a field
            .ue(1) // redundant_pic_cnt
            .flag(true) // direct_spatial_mv_pred_flag
            .flag(true) // num_ref_idx_active_override_flag
            .ue(3) // num_ref_idx_l0_active_minus1
            .ue(1) // num_ref_idx_l1_active_minus1
            .flag(true) // ref_pic_list_modification_flag_l0
            .ue(0)
            .ue(2) // subtract 3
            .ue(2)
            .ue(1) // long-term picture 1
            .ue(3) // end
            .flag(false); // ref_pic_list_modification_flag_l1
    // pred_weight_table: weighted_bipred_idc 1 in a B slice, 4 + 2 references.
    header.ue(5).ue(3);
    boolean[][] weights = {{true, true}, {false, false}, {true, false}, {false, true}};
    for (boolean[] w : weights) {
      weight(header, w[0], w[1]);
    }
    weight(header, false, true);
    weight(header, true, false);
    header
        .flag(true) // adaptive_ref_pic_marking_mode_flag
        .ue(1)
        .ue(0) // mmco 1
        .ue(3)
        .ue(1)
        .ue(0) // mmco 3
        .ue(2)
        .ue(2) // mmco 2
        .ue(6)
        .ue(1) // mmco 6
        .ue(4)
        .ue(2) // mmco 4
        .ue(0) // end
        .ue(2) // cabac_init_idc
        .se(-3) // slice_qp_delta
        .ue(0) // disable_deblocking_filter_idc
        .se(1)
        .se(-1);
    assertHeaderEnds(header, 0x41);
  }

  @Test
  void spSliceInAFrameOfAFieldCapableStream() {
    RbspWriter header =
        new RbspWriter()
            .ue(0)
            .ue(3) // SP
            .ue(0)
            .u(6, 9)
            .flag(false) // field_pic_flag: a frame
            .se(4) // delta_pic_order_cnt[0]
            .se(-2) // delta_pic_order_cnt[1]
            .ue(0) // redundant_pic_cnt
            .flag(false) // no num_ref_idx override: 3 references from the PPS
            .flag(false); // ref_pic_list_modification_flag_l0
    header.ue(2).ue(1);
    weight(header, true, true);
    weight(header, false, false);
    weight(header, true, false);
    header
        // nal_ref_idc 0: no dec_ref_pic_marking
        .ue(1) // cabac_init_idc
        .se(2) // slice_qp_delta
        .flag(true) // sp_for_switch_flag
        .se(-2) // slice_qs_delta
        .ue(1); // deblocking off: no offsets
    assertHeaderEnds(header, 0x01);
  }

  @Test
  void emulationPreventionInsideTheHeaderIsCountedAsStored() {
    RbspWriter header =
        new RbspWriter()
            .ue(1L << 23) // first_mb_in_slice with long runs of zeros
            .ue(7) // I
            .ue(0)
            .u(6, 0)
            .flag(false)
            .ue(3) // idr_pic_id
            .se(0)
            .se(0)
            .ue(0) // redundant_pic_cnt
            .flag(false) // no_output_of_prior_pics_flag
            .flag(true) // long_term_reference_flag
            .se(0)
            .ue(2) // deblocking: offsets follow
            .se(-6)
            .se(6);
    RbspWriter.Nal nal = assertHeaderEnds(header, 0x65);
    assertThat(nal.emulationPreventionBytes()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void slicesRefusedWhenTheirParameterSetsAreMissing() {
    SliceHeaderParser parser = new SliceHeaderParser(syntheticParameterSets());
    byte[] slice = new RbspWriter().ue(0).ue(7).ue(5).u(8, 0).toNal(0x65).bytes();
    assertThatThrownBy(() -> parser.clearBytes(slice, 0, slice.length))
        .hasMessageContaining("unknown PPS 5");
    byte[] sei = {0x06, 0x05, 0x01, (byte) 0x80};
    assertThatThrownBy(() -> parser.clearBytes(sei, 0, sei.length))
        .hasMessageContaining("not a coded slice");
  }

  private static void weight(RbspWriter w, boolean luma, boolean chroma) {
    w.flag(luma);
    if (luma) {
      w.se(3).se(-2);
    }
    w.flag(chroma);
    if (chroma) {
      w.se(-1).se(4).se(0).se(-7);
    }
  }

  /** Adds slice data after the header and checks the parser stops where the header stopped. */
  private static RbspWriter.Nal assertHeaderEnds(RbspWriter header, int nalHeader) {
    int headerBits = header.bitCount();
    header.alignWithOnes().u(32, 0xDEADBEEFL).u(16, 0x0102);
    RbspWriter.Nal nal = header.toNal(nalHeader);
    SliceHeaderParser parser = new SliceHeaderParser(syntheticParameterSets());
    assertThat(parser.clearBytes(nal.bytes(), 0, nal.bytes().length))
        .isEqualTo(nal.bytesThroughBit(headerBits));
    return nal;
  }

  /**
   * High profile with scaling matrices, POC type 1, field coding allowed; CABAC, weighted
   * prediction (explicit for B too), redundant picture counts, deblocking control.
   */
  private static AvcParameterSets syntheticParameterSets() {
    RbspWriter sps =
        new RbspWriter()
            .u(8, 100)
            .u(8, 0)
            .u(8, 30)
            .ue(0) // seq_parameter_set_id
            .ue(1) // chroma_format_idc
            .ue(0)
            .ue(0)
            .flag(false)
            .flag(true); // seq_scaling_matrix_present_flag
    for (int i = 0; i < 8; i++) {
      sps.flag(i == 0 || i == 6);
      if (i == 0) {
        for (int j = 0; j < 16; j++) {
          sps.se(j == 3 ? 5 : 0);
        }
      } else if (i == 6) {
        sps.se(-8); // next scale 0: the default list, one delta only
      }
    }
    sps.ue(2) // log2_max_frame_num_minus4: 6 bits
        .ue(1) // pic_order_cnt_type
        .flag(false) // delta_pic_order_always_zero_flag
        .se(-2)
        .se(1)
        .ue(2)
        .se(3)
        .se(-3)
        .ue(4) // max_num_ref_frames
        .flag(false)
        .ue(26)
        .ue(14)
        .flag(false) // frame_mbs_only_flag
        .flag(true) // mb_adaptive_frame_field_flag
        .flag(true)
        .flag(false)
        .flag(false);
    RbspWriter pps =
        new RbspWriter()
            .ue(0)
            .ue(0)
            .flag(true) // entropy_coding_mode_flag
            .flag(true) // bottom_field_pic_order_in_frame_present_flag
            .ue(0)
            .ue(2) // num_ref_idx_l0_default_active_minus1
            .ue(1)
            .flag(true) // weighted_pred_flag
            .u(2, 1) // weighted_bipred_idc
            .se(0)
            .se(0)
            .se(0)
            .flag(true) // deblocking_filter_control_present_flag
            .flag(false)
            .flag(true); // redundant_pic_cnt_present_flag
    return AvcParameterSets.of(
        new AvcConfiguration(sps.toNal(0x67).bytes(), pps.toNal(0x68).bytes()));
  }
}
