package com.cinemaabyss.notificationsandbox;

import javax.crypto.Cipher;
import javax.crypto.KDF;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.HKDFParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;

/**
 * The browser's side of Web Push message encryption (RFC 8291 over RFC 8188 aes128gcm), written apart from the
 * sender's so that the stand-in checks notifications' encryption rather than repeating it: {@link #frame} checks the
 * header a push service sees, {@link #decrypt} what only the subscription's holder can read.
 */
public final class PushMessages {

    /** The aes128gcm header: salt, record size, the sender's key id (its public key). */
    public record Frame(byte[] salt, int recordSize, byte[] senderKey, byte[] ciphertext) {
    }

    private static final ECParameterSpec P256 = p256();

    private PushMessages() {
    }

    /** The header of an aes128gcm body, checked as RFC 8188 and RFC 8291 4 ask (one record; the key id a P-256 point). */
    public static Frame frame(byte[] body) {
        if (body.length < 16 + 4 + 1 + 65 + 17) {
            throw new IllegalArgumentException("body too short for an aes128gcm header and one record (" + body.length + " bytes)");
        }
        if (body.length > 4096) {
            throw new IllegalArgumentException("body longer than 4096 bytes (RFC 8291 4)");
        }
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        int recordSize = in.getInt();
        int idLength = in.get() & 0xff;
        if (idLength != 65) {
            throw new IllegalArgumentException("keyid must be the sender's 65-byte public key, idlen was " + idLength);
        }
        byte[] key = new byte[65];
        in.get(key);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        if (recordSize < 18 || ciphertext.length > recordSize) {
            throw new IllegalArgumentException("record size " + recordSize + " does not hold the " + ciphertext.length + "-byte record");
        }
        try {
            publicKey(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("keyid is not a P-256 public key");
        }
        return new Frame(salt, recordSize, key, ciphertext);
    }

    /** The plaintext of {@code body} for the subscription with this key pair and auth secret (padding and delimiter removed). */
    public static byte[] decrypt(byte[] body, KeyPair subscription, byte[] auth) throws GeneralSecurityException {
        Frame frame = frame(body);
        ECPublicKey sender = publicKey(frame.senderKey());
        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(subscription.getPrivate());
        ecdh.doPhase(sender, true);
        byte[] shared = ecdh.generateSecret();
        byte[] receiverKey = uncompressed((ECPublicKey) subscription.getPublic());
        ByteBuffer info = ByteBuffer.allocate(14 + 65 + 65).put("WebPush: info\0".getBytes(StandardCharsets.US_ASCII)).put(receiverKey)
                .put(frame.senderKey());
        KDF hkdf = KDF.getInstance("HKDF-SHA256");
        byte[] ikm = hkdf.deriveData(HKDFParameterSpec.ofExtract().addIKM(shared).addSalt(auth).thenExpand(info.array(), 32));
        byte[] cek = hkdf.deriveData(HKDFParameterSpec.ofExtract().addIKM(ikm).addSalt(frame.salt())
                .thenExpand("Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16));
        byte[] nonce = hkdf.deriveData(HKDFParameterSpec.ofExtract().addIKM(ikm).addSalt(frame.salt())
                .thenExpand("Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12));
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] record = gcm.doFinal(frame.ciphertext());
        int end = record.length - 1;
        while (end >= 0 && record[end] == 0) {
            end--;
        }
        if (end < 0 || record[end] != 2) {
            throw new GeneralSecurityException("the only record must end with the last-record delimiter 0x02");
        }
        return Arrays.copyOf(record, end);
    }

    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static ECPublicKey publicKey(byte[] point) throws GeneralSecurityException {
        if (point.length != 65 || point[0] != 4) {
            throw new GeneralSecurityException("not an uncompressed P-256 point");
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 33));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 33, 65));
        // The JDK's key factory takes any coordinates: a point off the curve is refused here (y^2 = x^3 + ax + b mod p).
        BigInteger p = ((java.security.spec.ECFieldFp) P256.getCurve().getField()).getP();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0
                || !y.modPow(BigInteger.TWO, p).equals(x.pow(3).add(P256.getCurve().getA().multiply(x)).add(P256.getCurve().getB()).mod(p))) {
            throw new GeneralSecurityException("not a point of P-256");
        }
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), P256));
    }

    static byte[] uncompressed(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 4;
        place(key.getW().getAffineX(), out, 1);
        place(key.getW().getAffineY(), out, 33);
        return out;
    }

    private static void place(BigInteger value, byte[] out, int at) {
        byte[] bytes = value.toByteArray();
        int n = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - n, out, at + 32 - n, n);
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
