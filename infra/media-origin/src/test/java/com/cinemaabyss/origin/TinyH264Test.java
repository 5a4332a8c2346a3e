package com.cinemaabyss.origin;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo stream's encoder, bit by bit where it matters: Exp-Golomb codes, the parameter sets a decoder starts from,
 * emulation prevention, and segments that carry one PES per frame in continuous transport packets. (That a browser
 * decodes and plays it is WebClientE2EIT's player step.)
 */
class TinyH264Test {

    @Test
    void expGolombCodesAreTheStandardsOnes() {
        assertArrayEquals(bits("1"), ue(0));
        assertArrayEquals(bits("010"), ue(1));
        assertArrayEquals(bits("011"), ue(2));
        assertArrayEquals(bits("00101"), ue(4));
        assertArrayEquals(bits("000011010"), ue(25), "I_PCM's mb_type");
        TinyH264.Bits signed = new TinyH264.Bits();
        signed.se(-1); // se(-1) is codeNum 2: 011
        assertArrayEquals(pad("011" + "1"), signed.trailing());
    }

    @Test
    void theSequenceParameterSetDescribesABaseline256x144Stream() {
        // 66 (Baseline), constraint_set0+1, level 30, then sps id 0, log2_max_frame_num-4 = 4, poc type 2, 1 ref frame,
        // no gaps, 16x9 macroblocks, frame_mbs_only, direct_8x8, no cropping, no VUI, the stop bit.
        assertArrayEquals(new byte[]{0x42, (byte) 0xc0, 0x1e, (byte) 0x95, (byte) 0xa0, 0x40, 0x4e, 0x40}, TinyH264.sequenceParameterSet());
        assertEquals("avc1.42c01e", TinyH264.CODECS, "the codecs string names the same profile, constraints and level");
        assertEquals(256, TinyH264.WIDTH);
        assertEquals(144, TinyH264.HEIGHT);
    }

    @Test
    void aKeyframeCarriesItsParameterSetsAndEveryMacroblocksSamplesWithoutAStartCodeInside() {
        byte[] keyframe = TinyH264.keyframe(DemoStream.picture(3), 3);
        List<Integer> types = nalTypes(keyframe);
        assertEquals(List.of(9, 7, 8, 5), types, "delimiter, SPS, PPS, IDR slice");
        int samples = TinyH264.WIDTH * TinyH264.HEIGHT * 3 / 2;
        assertTrue(keyframe.length > samples, "I_PCM: every sample is in the slice: " + keyframe.length);
        assertEquals(List.of(9, 1), nalTypes(TinyH264.repeat(1)), "a repeat is a delimiter and one P slice");
        assertTrue(TinyH264.repeat(1).length < 32, "skipped macroblocks cost nothing");
    }

    @Test
    void emulationPreventionKeepsZerosFromLookingLikeAStartCode() {
        TinyH264.Bits bits = new TinyH264.Bits();
        bits.bytes(new byte[]{0, 0, 1, 0, 0, 0, 5}, 0, 7);
        assertArrayEquals(new byte[]{0, 0, 3, 1, 0, 0, 3, 0, 5, (byte) 0x80}, escape(bits.trailing()));
    }

    @Test
    void aSegmentIsOnePesPerFrameInContinuousPacketsWithRisingTimestamps() {
        byte[] segment = DemoStream.segment(2);
        assertEquals(0, segment.length % 188);
        int expectedCounter = 0;
        List<Long> timestamps = new ArrayList<>();
        for (int at = 2 * 188; at < segment.length; at += 188) { // after the PAT and PMT
            assertEquals(0x47, segment[at] & 0xff);
            int pid = ((segment[at + 1] & 0x1f) << 8) | (segment[at + 2] & 0xff);
            assertEquals(0x100, pid);
            assertEquals(expectedCounter & 0x0f, segment[at + 3] & 0x0f, "continuity counter at packet " + at / 188);
            expectedCounter++;
            if ((segment[at + 1] & 0x40) != 0) {
                int payload = (segment[at + 3] & 0x20) != 0 ? at + 5 + (segment[at + 4] & 0xff) : at + 4;
                assertArrayEquals(new byte[]{0, 0, 1, (byte) 0xe0}, Arrays.copyOfRange(segment, payload, payload + 4));
                timestamps.add(pts(segment, payload + 9));
            }
        }
        assertEquals(DemoStream.SEGMENT_SECONDS * DemoStream.FRAMES_PER_SECOND, timestamps.size(), "one PES per frame");
        assertEquals(90_000L * DemoStream.SEGMENT_SECONDS * 2 + 90_000, timestamps.getFirst(), "segment 2 starts 8 s (+1 s offset) in");
        for (int i = 1; i < timestamps.size(); i++) {
            assertEquals(90_000 / DemoStream.FRAMES_PER_SECOND, timestamps.get(i) - timestamps.get(i - 1));
        }
    }

    private static long pts(byte[] b, int at) {
        return ((long) (b[at] & 0x0e) << 29) | ((b[at + 1] & 0xff) << 22) | ((long) (b[at + 2] & 0xfe) << 14)
                | ((b[at + 3] & 0xff) << 7) | ((b[at + 4] & 0xff) >> 1);
    }

    private static List<Integer> nalTypes(byte[] annexB) {
        List<Integer> types = new ArrayList<>();
        for (int i = 0; i + 4 < annexB.length; i++) {
            if (annexB[i] == 0 && annexB[i + 1] == 0 && annexB[i + 2] == 0 && annexB[i + 3] == 1) {
                types.add(annexB[i + 4] & 0x1f);
                i += 4;
            }
        }
        return types;
    }

    /** The payload of a NAL unit TinyH264 frames, without its start code and header. */
    private static byte[] escape(byte[] rbsp) {
        byte[] unit = TinyH264.nalUnit(0, 1, rbsp);
        return Arrays.copyOfRange(unit, 5, unit.length);
    }

    private static byte[] ue(int value) {
        TinyH264.Bits bits = new TinyH264.Bits();
        bits.ue(value);
        return bits.trailing();
    }

    /** The bytes of a bit string followed by the RBSP stop bit and zero padding. */
    private static byte[] bits(String bits) {
        return pad(bits + "1");
    }

    private static byte[] pad(String bits) {
        String padded = bits + "0".repeat((8 - bits.length() % 8) % 8);
        byte[] out = new byte[padded.length() / 8];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(padded.substring(i * 8, i * 8 + 8), 2);
        }
        return out;
    }
}
