package com.cinemaabyss.origin;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The one asset the origin ships, {@code demo}: a master playlist naming one 360p variant, its media playlist and
 * three 2-second MPEG-TS segments. The segments are built here, byte for byte the same every time (no binaries in the
 * repository): each is a PAT, a PMT declaring one H.264 elementary stream, and one PES packet carrying an access unit
 * delimiter, every packet 188 bytes with its sync byte, continuity counter and (for PSI) MPEG-2 CRC32. Valid transport
 * streams a player's demuxer accepts; there is no picture in them, which a smoke test of rights does not need.
 */
final class DemoStream {

    static final String ASSET = "demo";
    static final int SEGMENTS = 3;
    private static final int PACKET = 188;
    private static final int PMT_PID = 0x1000;
    private static final int VIDEO_PID = 0x0100;

    private final Map<String, byte[]> files;

    DemoStream() {
        StringBuilder media = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:0\n#EXT-X-PLAYLIST-TYPE:VOD\n");
        Map<String, byte[]> all = new java.util.LinkedHashMap<>();
        for (int i = 0; i < SEGMENTS; i++) {
            media.append("#EXTINF:2.000,\nseg").append(i).append(".ts\n");
            all.put("seg" + i + ".ts", segment(i));
        }
        media.append("#EXT-X-ENDLIST\n");
        all.put("master.m3u8", ("#EXTM3U\n#EXT-X-VERSION:3\n"
                + "#EXT-X-STREAM-INF:BANDWIDTH=64000,RESOLUTION=640x360,CODECS=\"avc1.42e01e\"\n360p.m3u8\n").getBytes(StandardCharsets.US_ASCII));
        all.put("360p.m3u8", media.toString().getBytes(StandardCharsets.US_ASCII));
        this.files = Map.copyOf(all);
    }

    /** The file {@code name} of asset {@code asset}; empty for an asset or file the origin does not have. */
    Optional<byte[]> file(String asset, String name) {
        return ASSET.equals(asset) ? Optional.ofNullable(files.get(name)) : Optional.empty();
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
        long pts = 90_000L * 2 * index + 90_000L;
        byte[] pes = {0x00, 0x00, 0x01, (byte) 0xe0, 0x00, 0x00, // start code, video stream 0, unbounded length
                (byte) 0x80, (byte) 0x80, 0x05, // flags: PTS only, 5 header bytes
                (byte) (0x21 | ((pts >> 29) & 0x0e)), (byte) (pts >> 22), (byte) (0x01 | ((pts >> 14) & 0xfe)),
                (byte) (pts >> 7), (byte) (0x01 | ((pts << 1) & 0xfe)),
                0x00, 0x00, 0x00, 0x01, 0x09, (byte) 0xf0}; // NAL access unit delimiter
        out.writeBytes(payloadPacket(VIDEO_PID, true, index, pes));
        return out.toByteArray();
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

    /** One transport packet: header, payload, 0xff stuffing to 188 bytes (allowed after PSI; for PES via adaptation field). */
    private static byte[] payloadPacket(int pid, boolean start, int counter, byte[] payload) {
        byte[] packet = new byte[PACKET];
        packet[0] = 0x47;
        packet[1] = (byte) ((start ? 0x40 : 0) | (pid >> 8));
        packet[2] = (byte) pid;
        boolean psi = pid == 0 || pid == PMT_PID;
        int offset = 4;
        if (psi) {
            packet[3] = (byte) (0x10 | (counter & 0x0f));
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
