package org.precisionrx.ml.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** SHA-256 helpers with fixed byte layouts, so hashes are comparable across machines and JDKs. */
public final class Sha256 {
    private Sha256() {
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    /** Hash of the arrays in the given order, each float as 4 little-endian IEEE-754 bytes. */
    public static String ofFloats(float[][] arrays) {
        MessageDigest digest = newDigest();
        for (float[] array : arrays) {
            ByteBuffer buf = ByteBuffer.allocate(array.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : array) {
                buf.putFloat(v);
            }
            digest.update(buf.array());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Hash of one file's bytes. */
    public static String ofFile(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Hash of every regular file under {@code dir}, in sorted relative-path order ('/' separators).
     * Each file contributes its path, its length and its bytes, so renames and moves change the hash.
     * Top-level files named in {@code excluded} are skipped (e.g. a model card stored in the directory).
     */
    public static String ofDirectory(Path dir, String... excluded) throws IOException {
        Set<String> skip = Set.of(excluded);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f -> !skip.contains(relative(dir, f)))
                    .sorted((a, b) -> relative(dir, a).compareTo(relative(dir, b)))
                    .toList();
        }
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[64 * 1024];
        for (Path file : files) {
            digest.update(relative(dir, file).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(Files.size(file)).array());
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    digest.update(buffer, 0, n);
                }
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/');
    }
}
