package com.cinemaabyss.origin;

import java.io.ByteArrayOutputStream;

/**
 * A deliberately tiny H.264 (Baseline profile, CAVLC) encoder for the demo stream, so a browser's player has real
 * pictures to decode, show and play through: each keyframe is an IDR picture of I_PCM macroblocks (the samples stored
 * as they are: no prediction, no transform, nothing to get wrong), and every other frame a P picture whose macroblocks
 * are all skipped (the previous picture again). Output is Annex B: NAL units after 4-byte start codes, with emulation
 * prevention. Frame numbers restart at each IDR; picture order follows decoding order (pic_order_cnt_type 2).
 */
final class TinyH264 {

    static final int WIDTH_MBS = 16;
    static final int HEIGHT_MBS = 9;
    static final int WIDTH = WIDTH_MBS * 16;
    static final int HEIGHT = HEIGHT_MBS * 16;
    /** profile_idc 66 (Baseline), constraint_set0 and 1, level 3.0: the "avc1.42c01e" the playlist names. */
    static final String CODECS = "avc1.42c01e";
    private static final int LOG2_MAX_FRAME_NUM = 8;
    private static final int I_PCM = 25;

    private TinyH264() {
    }

    /** One 4:2:0 picture: a luma plane of WIDTH x HEIGHT and two chroma planes of half that each way. */
    record Picture(byte[] luma, byte[] cb, byte[] cr) {
    }

    /** An access unit starting a group of pictures: delimiter, SPS, PPS and the IDR slice of {@code picture}. */
    static byte[] keyframe(Picture picture, int idrPicId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        nal(out, 0, 9, accessUnitDelimiter());
        nal(out, 3, 7, sequenceParameterSet());
        nal(out, 3, 8, pictureParameterSet());
        nal(out, 3, 5, idrSlice(picture, idrPicId));
        return out.toByteArray();
    }

    /** An access unit repeating the previous picture: a P slice whose macroblocks are all skipped. */
    static byte[] repeat(int frameNum) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        nal(out, 0, 9, accessUnitDelimiter());
        nal(out, 2, 1, skippedSlice(frameNum));
        return out.toByteArray();
    }

    static byte[] accessUnitDelimiter() {
        Bits bits = new Bits();
        bits.u(3, 7); // primary_pic_type: any slice type
        return bits.trailing();
    }

    static byte[] sequenceParameterSet() {
        Bits bits = new Bits();
        bits.u(8, 66); // profile_idc: Baseline
        bits.u(8, 0xc0); // constraint_set0_flag, constraint_set1_flag, the rest 0
        bits.u(8, 30); // level_idc 3.0
        bits.ue(0); // seq_parameter_set_id
        bits.ue(LOG2_MAX_FRAME_NUM - 4); // log2_max_frame_num_minus4
        bits.ue(2); // pic_order_cnt_type: output order is decoding order
        bits.ue(1); // max_num_ref_frames
        bits.u(1, 0); // gaps_in_frame_num_value_allowed_flag
        bits.ue(WIDTH_MBS - 1);
        bits.ue(HEIGHT_MBS - 1);
        bits.u(1, 1); // frame_mbs_only_flag
        bits.u(1, 1); // direct_8x8_inference_flag
        bits.u(1, 0); // frame_cropping_flag
        bits.u(1, 0); // vui_parameters_present_flag
        return bits.trailing();
    }

    static byte[] pictureParameterSet() {
        Bits bits = new Bits();
        bits.ue(0); // pic_parameter_set_id
        bits.ue(0); // seq_parameter_set_id
        bits.u(1, 0); // entropy_coding_mode_flag: CAVLC
        bits.u(1, 0); // bottom_field_pic_order_in_frame_present_flag
        bits.ue(0); // num_slice_groups_minus1
        bits.ue(0); // num_ref_idx_l0_default_active_minus1
        bits.ue(0); // num_ref_idx_l1_default_active_minus1
        bits.u(1, 0); // weighted_pred_flag
        bits.u(2, 0); // weighted_bipred_idc
        bits.se(0); // pic_init_qp_minus26
        bits.se(0); // pic_init_qs_minus26
        bits.se(0); // chroma_qp_index_offset
        bits.u(1, 1); // deblocking_filter_control_present_flag (the slices turn the filter off)
        bits.u(1, 0); // constrained_intra_pred_flag
        bits.u(1, 0); // redundant_pic_cnt_present_flag
        return bits.trailing();
    }

    static byte[] idrSlice(Picture picture, int idrPicId) {
        Bits bits = new Bits();
        bits.ue(0); // first_mb_in_slice
        bits.ue(7); // slice_type: I (every slice of the picture)
        bits.ue(0); // pic_parameter_set_id
        bits.u(LOG2_MAX_FRAME_NUM, 0); // frame_num
        bits.ue(idrPicId & 0xffff); // idr_pic_id: differs between neighbouring IDR pictures
        bits.u(1, 0); // no_output_of_prior_pics_flag
        bits.u(1, 0); // long_term_reference_flag
        bits.se(0); // slice_qp_delta
        bits.ue(1); // disable_deblocking_filter_idc: off
        for (int mbY = 0; mbY < HEIGHT_MBS; mbY++) {
            for (int mbX = 0; mbX < WIDTH_MBS; mbX++) {
                bits.ue(I_PCM);
                bits.align();
                for (int y = 0; y < 16; y++) {
                    bits.bytes(picture.luma(), (mbY * 16 + y) * WIDTH + mbX * 16, 16);
                }
                for (byte[] chroma : new byte[][]{picture.cb(), picture.cr()}) {
                    for (int y = 0; y < 8; y++) {
                        bits.bytes(chroma, (mbY * 8 + y) * (WIDTH / 2) + mbX * 8, 8);
                    }
                }
            }
        }
        return bits.trailing();
    }

    static byte[] skippedSlice(int frameNum) {
        Bits bits = new Bits();
        bits.ue(0); // first_mb_in_slice
        bits.ue(5); // slice_type: P (every slice of the picture)
        bits.ue(0); // pic_parameter_set_id
        bits.u(LOG2_MAX_FRAME_NUM, frameNum & ((1 << LOG2_MAX_FRAME_NUM) - 1));
        bits.u(1, 0); // num_ref_idx_active_override_flag
        bits.u(1, 0); // ref_pic_list_modification_flag_l0
        bits.u(1, 0); // adaptive_ref_pic_marking_mode_flag: sliding window
        bits.se(0); // slice_qp_delta
        bits.ue(1); // disable_deblocking_filter_idc: off
        bits.ue(WIDTH_MBS * HEIGHT_MBS); // mb_skip_run: the whole picture
        return bits.trailing();
    }

    private static void nal(ByteArrayOutputStream out, int refIdc, int type, byte[] rbsp) {
        out.writeBytes(nalUnit(refIdc, type, rbsp));
    }

    /** Start code, NAL header, then the payload with an emulation prevention byte wherever two zeros meet a byte <= 3. */
    static byte[] nalUnit(int refIdc, int type, byte[] rbsp) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[]{0, 0, 0, 1, (byte) ((refIdc << 5) | type)});
        int zeros = 0;
        for (byte b : rbsp) {
            if (zeros >= 2 && (b & 0xff) <= 3) {
                out.write(3);
                zeros = 0;
            }
            out.write(b);
            zeros = b == 0 ? zeros + 1 : 0;
        }
        return out.toByteArray();
    }

    /** An RBSP bit writer: fixed-width fields, Exp-Golomb codes, byte alignment and the trailing stop bit. */
    static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int current;
        private int filled;

        void u(int width, int value) {
            for (int i = width - 1; i >= 0; i--) {
                bit((value >>> i) & 1);
            }
        }

        void ue(int value) {
            int coded = value + 1;
            int length = 32 - Integer.numberOfLeadingZeros(coded);
            u(length - 1, 0);
            u(length, coded);
        }

        void se(int value) {
            ue(value <= 0 ? -2 * value : 2 * value - 1);
        }

        void align() {
            while (filled != 0) {
                bit(0);
            }
        }

        void bytes(byte[] source, int offset, int length) {
            for (int i = 0; i < length; i++) {
                u(8, source[offset + i] & 0xff);
            }
        }

        byte[] trailing() {
            bit(1);
            align();
            return out.toByteArray();
        }

        private void bit(int b) {
            current = (current << 1) | b;
            if (++filled == 8) {
                out.write(current);
                current = 0;
                filled = 0;
            }
        }
    }
}
