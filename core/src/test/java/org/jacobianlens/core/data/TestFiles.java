package org.jacobianlens.core.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes tiny data files byte by byte for the loader tests. */
final class TestFiles {
    private TestFiles() {
    }

    /** IDX images file contents: magic 0x803, n, rows, cols, then pixel(i, j) = (7·i + j) mod 256. */
    static byte[] idxImages(int n, int rows, int cols) {
        ByteBuffer b = ByteBuffer.allocate(16 + n * rows * cols);
        b.putInt(0x803).putInt(n).putInt(rows).putInt(cols);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < rows * cols; j++) {
                b.put((byte) pixel(i, j));
            }
        }
        return b.array();
    }

    static int pixel(int i, int j) {
        return (7 * i + j) % 256;
    }

    /** IDX labels file contents: magic 0x801, count, label bytes. */
    static byte[] idxLabels(int... labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
        b.putInt(0x801).putInt(labels.length);
        for (int l : labels) {
            b.put((byte) l);
        }
        return b.array();
    }

    /** CIFAR-10 batch: one record per label; pixel byte j of record i is (3·i + j) mod 256. */
    static byte[] cifar(int... labels) {
        byte[] b = new byte[labels.length * 3073];
        for (int i = 0; i < labels.length; i++) {
            b[i * 3073] = (byte) labels[i];
            for (int j = 0; j < 3072; j++) {
                b[i * 3073 + 1 + j] = (byte) ((3 * i + j) % 256);
            }
        }
        return b;
    }

    static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] prefix(byte[] b, int length) {
        byte[] out = new byte[length];
        System.arraycopy(b, 0, out, 0, length);
        return out;
    }

    static Path write(Path dir, String name, byte[] content) {
        try {
            return Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path dir, String name, String text) {
        return write(dir, name, text.getBytes(StandardCharsets.UTF_8));
    }
}
