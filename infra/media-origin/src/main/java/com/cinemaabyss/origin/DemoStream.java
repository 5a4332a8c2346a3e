package com.cinemaabyss.origin;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one asset the origin ships, {@code demo}: ten minutes of video a browser really plays. A master playlist names
 * one 256x144 variant; its media playlist lists 150 four-second MPEG-TS segments. Each segment is a PAT, a PMT
 * declaring one H.264 elementary stream, and one PES packet per frame (5 frames a second): a keyframe of its own
 * picture (a diagonal gradient, a bright bar that moves from segment to segment, a colour that changes) and then the
 * same picture repeated ({@link TinyH264}). Every packet is 188 bytes with its sync byte and continuity counter, PSI
 * with its MPEG-2 CRC32. The bytes are built here, the same every time (no binaries in the repository), on first use.
 */
final class DemoStream {

    static final String ASSET = "demo";
    static final String VARIANT = "144p.m3u8";
    static final int SEGMENTS = 150;
    static final int SEGMENT_SECONDS = 4;
    static final int FRAMES_PER_SECOND = 5;
    private static final int PACKET = 188;
    private static final int PMT_PID = 0x1000;
    private static final int VIDEO_PID = 0x0100;
    private static final long CLOCK = 90_000;
    private static final Pattern SEGMENT = Pattern.compile("^seg(0|[1-9][0-9]{0,2})\\.ts$");

    private final Map<String, byte[]> playlists;
    private final Map<Integer, byte[]> segments = new ConcurrentHashMap<>();

    DemoStream() {
        StringBuilder media = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:" + SEGMENT_SECONDS
                + "\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n");
        for (int i = 0; i < SEGMENTS; i++) {
            media.append("#EXTINF:").append(SEGMENT_SECONDS).append(".000,\nseg").append(i).append(".ts\n");
        }
        media.append("#EXT-X-ENDLIST\n");
        int bandwidth = (int) (segment(0).length * 8L / SEGMENT_SECONDS / 1000 + 1) * 1000;
        this.playlists = Map.of(
                "master.m3u8", ("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-STREAM-INF:BANDWIDTH=" + bandwidth + ",RESOLUTION="
                        + TinyH264.WIDTH + "x" + TinyH264.HEIGHT + ",CODECS=\"" + TinyH264.CODECS + "\"\n" + VARIANT + "\n")
                        .getBytes(StandardCharsets.US_ASCII),
                VARIANT, media.toString().getBytes(StandardCharsets.US_ASCII));
    }

    /** The file {@code name} of asset {@code asset}; empty for an asset or file the origin does not have. */
    Optional<byte[]> file(String asset, String name) {
        if (!ASSET.equals(asset)) {
            return Optional.empty();
        }
        Matcher segment = SEGMENT.matcher(name);
        if (segment.matches()) {
            int index = Integer.parseInt(segment.group(1));
            return index < SEGMENTS ? Optional.of(segments.computeIfAbsent(index, DemoStream::segment)) : Optional.empty();
        }
        return Optional.ofNullable(playlists.get(name));
    }

    static byte[] segment(int index) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(psiPacket(0x0000, index, new byte[]{
                0x00, // table id: program association
                (byte) 0xb0, 0x0d, 0x00, 0x01, (byte) 0xc1, 0x00, 0x00, // section length 13, ts id 1, version 0, current
                0x00, 0x01, (byte) (0xe0 | (PMT_PID >> 8)), (byte) PMT_PID})); // program 1 -> PMT pid
        out.writeBytes(psiPacket(PMT_PID, index, new byte[]{
                0x02, // table id: program map
                (byte) 0xb0, 0x12, 0x00, 0x01, (byte) 0xc1, 0x00, 0x00, // section length 18, program 1
                (byte) (0xe0 | (VIDEO_PID >> 8)), (byte) VIDEO_PID, (byte) 0xf0, 0x00, // PCR pid, no program info
                0x1b, (byte) (0xe0 | (VIDEO_PID >> 8)), (byte) VIDEO_PID, (byte) 0xf0, 0x00})); // H.264 on VIDEO_PID
        int counter = 0;
        int frames = SEGMENT_SECONDS * FRAMES_PER_SECOND;
        for (int frame = 0; frame < frames; frame++) {
            byte[] accessUnit = frame == 0 ? TinyH264.keyframe(picture(index), index) : TinyH264.repeat(frame);
            long pts = CLOCK * SEGMENT_SECONDS * index + CLOCK * frame / FRAMES_PER_SECOND + CLOCK;
            byte[] header = {0x00, 0x00, 0x01, (byte) 0xe0, 0x00, 0x00, // start code, video stream 0, unbounded length
                    (byte) 0x80, (byte) 0x80, 0x05, // flags: PTS only, 5 header bytes
                    (byte) (0x21 | ((pts >> 29) & 0x0e)), (byte) (pts >> 22), (byte) (0x01 | ((pts >> 14) & 0xfe)),
                    (byte) (pts >> 7), (byte) (0x01 | ((pts << 1) & 0xfe))};
            byte[] pes = new byte[header.length + accessUnit.length];
            System.arraycopy(header, 0, pes, 0, header.length);
            System.arraycopy(accessUnit, 0, pes, header.length, accessUnit.length);
            for (int offset = 0; offset < pes.length; offset += PACKET - 4) {
                int length = Math.min(PACKET - 4, pes.length - offset);
                out.writeBytes(payloadPacket(VIDEO_PID, offset == 0, counter++, Arrays.copyOfRange(pes, offset, offset + length)));
            }
        }
        return out.toByteArray();
    }

    /** Segment {@code index}'s picture, in 4:2:0 samples kept within the video range 16..235 (16..240 for chroma). */
    static TinyH264.Picture picture(int index) {
        int width = TinyH264.WIDTH;
        int height = TinyH264.HEIGHT;
        byte[] luma = new byte[width * height];
        int bar = (index * 16) % width;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean inBar = x >= bar && x < bar + 16;
                luma[y * width + x] = (byte) (inBar ? 235 : 32 + (x + y) * 120 / (width + height));
            }
        }
        byte[] cb = new byte[width * height / 4];
        byte[] cr = new byte[width * height / 4];
        int cbValue = 16 + (index * 37) % 224;
        int crValue = 16 + (index * 71 + 90) % 224;
        Arrays.fill(cb, (byte) cbValue);
        Arrays.fill(cr, (byte) crValue);
        return new TinyH264.Picture(luma, cb, cr);
    }

    private static byte[] psiPacket(int pid, int counter, byte[] section) {
        byte[] withCrc = new byte[section.length + 4 + 1];
        withCrc[0] = 0x00; // pointer field
        System.arraycopy(section, 0, withCrc, 1, section.length);
        int crc = crc32Mpeg2(section);
        withCrc[section.length + 1] = (byte) (crc >>> 24);
        withCrc[section.length + 2] = (byte) (crc >>> 16);
        withCrc[section.length + 3] = (byte) (crc >>> 8);
        withCrc[section.length + 4] = (byte) crc;
        return payloadPacket(pid, true, counter, withCrc);
    }

    /** One transport packet: header, payload (at most 184 bytes), 0xff stuffing to 188 bytes (after PSI; for PES via the adaptation field). */
    private static byte[] payloadPacket(int pid, boolean start, int counter, byte[] payload) {
        byte[] packet = new byte[PACKET];
        packet[0] = 0x47;
        packet[1] = (byte) ((start ? 0x40 : 0) | (pid >> 8));
        packet[2] = (byte) pid;
        boolean psi = pid == 0 || pid == PMT_PID;
        int offset = 4;
        if (psi || payload.length == PACKET - 4) {
            packet[3] = (byte) (0x10 | (counter & 0x0f)); // payload only
        } else {
            // PES: stuff with an adaptation field so the payload ends exactly at the packet's end.
            int stuffing = PACKET - 4 - payload.length;
            packet[3] = (byte) (0x30 | (counter & 0x0f));
            packet[4] = (byte) (stuffing - 1);
            if (stuffing > 1) {
                packet[5] = 0x00;
                for (int i = 6; i < 4 + stuffing; i++) {
                    packet[i] = (byte) 0xff;
                }
            }
            offset = 4 + stuffing;
        }
        System.arraycopy(payload, 0, packet, offset, payload.length);
        for (int i = offset + payload.length; i < PACKET; i++) {
            packet[i] = (byte) 0xff;
        }
        return packet;
    }

    /** CRC-32/MPEG-2: polynomial 0x04c11db7, initial 0xffffffff, no reflection, no final xor. */
    static int crc32Mpeg2(byte[] data) {
        int crc = 0xffffffff;
        for (byte b : data) {
            crc ^= (b & 0xff) << 24;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
            }
        }
        return crc;
    }
}
