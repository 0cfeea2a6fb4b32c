package org.jacobianlens.core.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reads whole data files into memory, transparently decompressing gzip (detected by its magic bytes 1f 8b). */
final class DataFiles {
    private DataFiles() {
    }

    /**
     * Reads a file completely, gunzipping it when it starts with the gzip magic bytes.
     *
     * @throws DatasetException if the file is missing, unreadable, or a truncated/corrupt gzip stream
     */
    static byte[] read(Path file) throws DatasetException {
        if (!Files.isRegularFile(file)) {
            throw new DatasetException(file + ": file not found (or not a regular file)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(file.toString(), in);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file + ": file not found", e);
        } catch (IOException e) {
            throw new DatasetException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a stream completely, gunzipping it when it starts with the gzip magic bytes. Does not close it.
     *
     * @param name file or resource name used in error messages
     * @throws DatasetException if reading fails or the gzip stream is truncated or corrupt
     */
    static byte[] read(String name, InputStream raw) throws DatasetException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        boolean gzip;
        try {
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            gzip = b0 == 0x1f && b1 == 0x8b;
        } catch (IOException e) {
            throw new DatasetException(name + ": cannot be read: " + e.getMessage(), e);
        }
        try {
            InputStream src = gzip ? new GZIPInputStream(in, 1 << 16) : in;
            ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
            src.transferTo(out);
            return out.toByteArray();
        } catch (EOFException e) {
            throw new DatasetException(name + ": the gzip stream is truncated (unexpected end of compressed data)", e);
        } catch (ZipException e) {
            throw new DatasetException(name + ": the gzip stream is corrupt: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DatasetException(name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** Big-endian unsigned 32-bit integer at {@code offset} (caller guarantees 4 bytes are present). */
    static long u32(byte[] b, int offset) {
        return ((b[offset] & 0xffL) << 24) | ((b[offset + 1] & 0xffL) << 16) | ((b[offset + 2] & 0xffL) << 8)
                | (b[offset + 3] & 0xffL);
    }
}
