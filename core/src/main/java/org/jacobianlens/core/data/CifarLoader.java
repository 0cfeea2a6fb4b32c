package org.jacobianlens.core.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads CIFAR-10 binary batches ({@code data_batch_N.bin}, {@code test_batch.bin}): records of one label byte
 * followed by 3072 pixel bytes, the red, green and blue 32×32 planes in that order, each row-major. Class names
 * come from {@code batches.meta.txt} beside the batches when present (one name per non-blank line).
 */
public final class CifarLoader {
    /** Bytes per record: 1 label + 3·32·32 pixels. */
    public static final int RECORD_BYTES = 3073;
    /** CIFAR-10 class names in label order (used when no batches.meta.txt is found). */
    public static final String[] CLASSES = {"airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse",
        "ship", "truck"};
    private static final Pattern TRAIN_BATCH = Pattern.compile("data_batch_(\\d+)\\.bin");

    private CifarLoader() {
    }

    /**
     * Loads one batch file; class names from {@code batches.meta.txt} beside it if present.
     *
     * @return n rows of 3072 values (0–255, planar R, G, B), n labels in 0–9, 10 classes, 32 × 32 × 3
     * @throws DatasetException if the file is missing or empty, a record is truncated (message gives the record
     *                          index and byte offset), or a label is not in 0–9
     */
    public static LabeledData loadBatch(Path batch) throws DatasetException {
        return readPool(List.of(batch), classNames(batch.toAbsolutePath().getParent())).toLabeledData();
    }

    /**
     * Loads several batches and concatenates them in the given order. Shapes and failures as in
     * {@link #loadBatch(Path)}; names gives the classes (labels must be below names.length).
     */
    public static LabeledData loadBatches(List<Path> batches, String[] names) throws DatasetException {
        return readPool(batches, names).toLabeledData();
    }

    /**
     * Class names from {@code dir/batches.meta.txt} (non-blank lines, trimmed) or {@link #CLASSES} if that file is
     * absent.
     *
     * @throws DatasetException if the file exists but cannot be read or holds fewer than 10 names
     */
    public static String[] classNames(Path dir) throws DatasetException {
        Path meta = dir == null ? null : dir.resolve("batches.meta.txt");
        if (meta == null || !Files.isRegularFile(meta)) {
            return CLASSES.clone();
        }
        List<String> names = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(meta, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    names.add(line.trim());
                }
            }
        } catch (IOException e) {
            throw new DatasetException(meta + ": cannot be read: " + e.getMessage(), e);
        }
        if (names.size() < 10) {
            throw new DatasetException(meta + ": expected 10 class names (one per line), found " + names.size());
        }
        return names.toArray(new String[0]);
    }

    /**
     * The {@code data_batch_N.bin} files in dir, ordered by N (empty if none).
     *
     * @throws DatasetException if the directory cannot be listed
     */
    public static List<Path> trainBatches(Path dir) throws DatasetException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> TRAIN_BATCH.matcher(p.getFileName().toString()).matches() && Files.isRegularFile(p))
                    .forEach(found::add);
        } catch (IOException e) {
            throw new DatasetException(dir + ": cannot list the directory: " + e.getMessage(), e);
        }
        found.sort((a, b) -> Integer.compare(batchNumber(a), batchNumber(b)));
        return found;
    }

    private static int batchNumber(Path p) {
        Matcher m = TRAIN_BATCH.matcher(p.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    static Pool readPool(List<Path> batches, String[] names) throws DatasetException {
        if (batches.isEmpty()) {
            throw new DatasetException("no CIFAR-10 batch files given");
        }
        List<byte[]> parts = new ArrayList<>();
        long total = 0;
        for (Path p : batches) {
            byte[] b = DataFiles.read(p);
            check(p.toString(), b, names.length);
            parts.add(b);
            total += b.length;
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new DatasetException(batches + ": " + total + " bytes in total, more than this program can hold");
        }
        byte[] all = parts.size() == 1 ? parts.get(0) : new byte[(int) total];
        if (parts.size() > 1) {
            int at = 0;
            for (byte[] b : parts) {
                System.arraycopy(b, 0, all, at, b.length);
                at += b.length;
            }
        }
        int n = all.length / RECORD_BYTES;
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = all[i * RECORD_BYTES] & 0xff;
        }
        String source = batches.size() == 1 ? batches.get(0).toString() : batches.toString();
        return Pool.ofBytes(source, labels, RECORD_BYTES - 1, all, 1, RECORD_BYTES, names.length, names, 32, 32, 3);
    }

    /** Validates the contents of one batch (record structure and labels). */
    static void check(String name, byte[] b, int numClasses) throws DatasetException {
        if (b.length == 0) {
            throw new DatasetException(name + ": the file is empty; expected records of " + RECORD_BYTES
                    + " bytes (1 label byte + 3072 pixel bytes)");
        }
        int complete = b.length / RECORD_BYTES;
        if (b.length % RECORD_BYTES != 0) {
            long offset = (long) complete * RECORD_BYTES;
            throw new DatasetException(name + ": record " + complete + " (byte offset " + offset
                    + ") is truncated: expected " + RECORD_BYTES + " bytes, found " + (b.length - offset)
                    + " (file size " + b.length + " is not a multiple of " + RECORD_BYTES + ")");
        }
        for (int i = 0; i < complete; i++) {
            int l = b[i * RECORD_BYTES] & 0xff;
            if (l >= numClasses) {
                throw new DatasetException(name + ": record " + i + " (byte offset " + ((long) i * RECORD_BYTES)
                        + ") has label " + l + ", expected a class in 0–" + (numClasses - 1));
            }
        }
    }
}
