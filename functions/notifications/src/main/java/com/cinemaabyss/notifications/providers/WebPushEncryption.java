package com.cinemaabyss.notifications.providers;

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
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;

/**
 * Message encryption for Web Push (RFC 8291) in the aes128gcm content coding (RFC 8188), one record: a fresh P-256 key
 * pair of the sender per message, ECDH with the subscription's p256dh key, HKDF-SHA-256 (the JDK's {@link KDF}) keyed
 * by the subscription's auth secret, AES-128-GCM. The header carries the salt, the record size and the sender's public
 * key, which the browser needs to derive the same key.
 */
public final class WebPushEncryption {

    /** RFC 8030 push services take at least 4096 bytes of body: the header (86) and the tag (16) leave this for a message. */
    public static final int MAX_PLAINTEXT = 4096 - 86 - 16 - 1;
    static final int RECORD_SIZE = 4096;
    private static final ECParameterSpec P256 = p256();
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebPushEncryption() {
    }

    /** The body of a push message to the subscription with public key {@code p256dh} (65 bytes) and {@code auth} (16 bytes). */
    public static byte[] encrypt(byte[] plaintext, byte[] p256dh, byte[] auth) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return encrypt(plaintext, p256dh, auth, newKeyPair(), salt);
    }

    /** As {@link #encrypt(byte[], byte[], byte[])} with the sender's key pair and salt given (RFC 8291's test vector fixes both). */
    static byte[] encrypt(byte[] plaintext, byte[] p256dh, byte[] auth, KeyPair sender, byte[] salt) {
        if (plaintext.length > MAX_PLAINTEXT) {
            throw new IllegalArgumentException("a push message holds at most " + MAX_PLAINTEXT + " bytes, not " + plaintext.length);
        }
        if (auth.length != 16 || salt.length != 16) {
            throw new IllegalArgumentException("auth and salt are 16 bytes");
        }
        try {
            ECPublicKey receiver = publicKey(p256dh);
            byte[] senderPublic = raw((ECPublicKey) sender.getPublic());
            KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
            ecdh.init(sender.getPrivate());
            ecdh.doPhase(receiver, true);
            byte[] secret = ecdh.generateSecret();
            // RFC 8291 3.3/3.4: IKM from the ECDH secret and the auth secret, bound to both public keys; then RFC 8188's CEK and nonce.
            byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), raw(receiver), senderPublic);
            byte[] ikm = hkdf(auth, secret, keyInfo, 32);
            byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
            byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
            // The single (so last) record ends with the delimiter 0x02 and no padding.
            byte[] record = Arrays.copyOf(plaintext, plaintext.length + 1);
            record[plaintext.length] = 2;
            byte[] ciphertext = gcm.doFinal(record);
            return ByteBuffer.allocate(16 + 4 + 1 + senderPublic.length + ciphertext.length)
                    .put(salt).putInt(RECORD_SIZE).put((byte) senderPublic.length).put(senderPublic).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the subscription's keys cannot encrypt a message: " + e.getMessage(), e);
        }
    }

    static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
        return KDF.getInstance("HKDF-SHA256").deriveData(HKDFParameterSpec.ofExtract().addIKM(ikm).addSalt(salt).thenExpand(info, length));
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

    /** A P-256 public key from its uncompressed form (0x04, x, y: 65 bytes). */
    public static ECPublicKey publicKey(byte[] uncompressed) throws GeneralSecurityException {
        if (uncompressed.length != 65 || uncompressed[0] != 4) {
            throw new GeneralSecurityException("not an uncompressed P-256 point");
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65));
        // The key factory takes any coordinates (only the key agreement checks them): a point off the curve is refused here.
        BigInteger p = ((ECFieldFp) P256.getCurve().getField()).getP();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0
                || !y.modPow(BigInteger.TWO, p).equals(x.pow(3).add(P256.getCurve().getA().multiply(x)).add(P256.getCurve().getB()).mod(p))) {
            throw new GeneralSecurityException("not a point of P-256");
        }
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), P256));
    }

    /** A P-256 private key from its 32-byte scalar. */
    public static ECPrivateKey privateKey(byte[] scalar) throws GeneralSecurityException {
        if (scalar.length != 32) {
            throw new GeneralSecurityException("a P-256 private key is 32 bytes");
        }
        return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(new BigInteger(1, scalar), P256));
    }

    /** The uncompressed form of a P-256 public key (65 bytes). */
    public static byte[] raw(ECPublicKey key) {
        return concat(new byte[]{4}, unsigned(key.getW().getAffineX()), unsigned(key.getW().getAffineY()));
    }

    /** The 32-byte scalar of a P-256 private key. */
    public static byte[] raw(ECPrivateKey key) {
        return unsigned(key.getS());
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - n, out, 32 - n, n);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer out = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            out.put(part);
        }
        return out.array();
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
