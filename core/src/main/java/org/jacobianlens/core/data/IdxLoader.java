package org.jacobianlens.core.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads MNIST-style IDX files: an images file (magic 0x00000803: count, rows, columns, then unsigned pixel
 * bytes row-major) and a labels file (magic 0x00000801: count, then one byte per label). Either may be gzipped
 * (detected by the magic bytes 1f 8b, not by the name). Everything is checked; malformed input is rejected with
 * a {@link DatasetException} naming the file and the position, never loaded partially.
 */
public final class IdxLoader {
    /** IDX magic number of an unsigned-byte 3-D array (images). */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** IDX magic number of an unsigned-byte 1-D array (labels). */
    public static final int LABELS_MAGIC = 0x00000801;
    /** Fashion-MNIST class names, classes 0–9. */
    public static final String[] FASHION_CLASSES = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
        "Shirt", "Sneaker", "Bag", "Ankle boot"};
    /** MNIST digit class names "0"–"9". */
    public static final String[] DIGIT_CLASSES = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};

    private IdxLoader() {
    }

    /**
     * Loads an images file and its labels file. Class names are the Fashion-MNIST names when the images path
     * contains "fashion" (any case), the digits "0"–"9" otherwise; labels must be in 0–9.
     *
     * @return n rows of rows·cols pixels (0–255, row-major), n labels, 10 classes, image geometry cols × rows × 1
     * @throws DatasetException on a missing file, wrong magic number, impossible dimensions, truncated or
     *                          over-long data, differing image/label counts, or a label outside 0–9
     */
    public static LabeledData load(Path images, Path labels) throws DatasetException {
        String[] names = images.toString().toLowerCase(Locale.ROOT).contains("fashion") ? FASHION_CLASSES
                : DIGIT_CLASSES;
        return load(images, labels, names);
    }

    /**
     * Loads an images file and its labels file with the given class names; labels must lie in
     * [0, classNames.length). Shapes and failures as in {@link #load(Path, Path)}.
     */
    public static LabeledData load(Path images, Path labels, String[] classNames) throws DatasetException {
        return readPool(images, labels, classNames).toLabeledData();
    }

    /**
     * The labels file that belongs to an images file by the standard naming: "images" → "labels" and "idx3" →
     * "idx1" in the file name (e.g. {@code train-images-idx3-ubyte.gz} → {@code train-labels-idx1-ubyte.gz}),
     * trying the name with and without ".gz".
     *
     * @throws DatasetException if the name does not follow the convention or no such labels file exists
     */
    public static Path labelsBeside(Path images) throws DatasetException {
        String name = images.getFileName().toString();
        if (!name.contains("images") || !name.contains("idx3")) {
            throw new DatasetException(images + ": cannot find the labels file: expected an images file named like"
                    + " 'train-images-idx3-ubyte[.gz]' (containing 'images' and 'idx3')");
        }
        String base = name.replace("images", "labels").replace("idx3", "idx1");
        if (base.endsWith(".gz")) {
            base = base.substring(0, base.length() - 3);
        }
        List<Path> tried = new ArrayList<>();
        for (String candidate : new String[] {base + ".gz", base}) {
            Path p = images.resolveSibling(candidate);
            tried.add(p);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new DatasetException(images + ": the matching labels file is missing; looked for " + tried);
    }

    /** The images file named {@code prefix-images-idx3-ubyte[.gz]} or {@code prefix-images.idx3-ubyte} in dir, or null. */
    static Path findImages(Path dir, String prefix) {
        for (String n : new String[] {prefix + "-images-idx3-ubyte.gz", prefix + "-images-idx3-ubyte",
            prefix + "-images.idx3-ubyte.gz", prefix + "-images.idx3-ubyte"}) {
            Path p = dir.resolve(n);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    static Pool readPool(Path images, Path labels, String[] classNames) throws DatasetException {
        return parse(images.toString(), DataFiles.read(images), labels.toString(), DataFiles.read(labels), classNames);
    }

    /**
     * Parses the decompressed contents of an images file and a labels file.
     *
     * @param imagesName name of the images file for messages
     * @param labelsName name of the labels file for messages
     */
    static Pool parse(String imagesName, byte[] img, String labelsName, byte[] lab, String[] classNames)
            throws DatasetException {
        checkHeader(imagesName, img, IMAGES_MAGIC, 16, "images");
        checkHeader(labelsName, lab, LABELS_MAGIC, 8, "labels");
        long n = DataFiles.u32(img, 4);
        long rows = DataFiles.u32(img, 8);
        long cols = DataFiles.u32(img, 12);
        if (rows == 0 || cols == 0 || rows * cols > 1_000_000) {
            throw new DatasetException(imagesName + ": bytes 8–15: image size " + rows + "×" + cols
                    + " is not valid (expected between 1×1 and 1000×1000 pixels)");
        }
        long expected = 16 + n * rows * cols;
        if (expected > Integer.MAX_VALUE - 8) {
            throw new DatasetException(imagesName + ": bytes 4–15: header announces " + n + " images of " + rows
                    + "×" + cols + " = " + expected + " bytes, more than this program can hold");
        }
        if (img.length < expected) {
            long complete = (img.length - 16) / (rows * cols);
            throw new DatasetException(imagesName + ": truncated: header announces " + n + " images of " + rows + "×"
                    + cols + ", so expected " + expected + " bytes, found " + img.length + " (image " + complete
                    + " is incomplete at byte offset " + (16 + complete * rows * cols) + ")");
        }
        if (img.length > expected) {
            throw new DatasetException(imagesName + ": expected " + expected + " bytes for " + n + " images of "
                    + rows + "×" + cols + ", found " + img.length + " (" + (img.length - expected)
                    + " unexpected trailing bytes at byte offset " + expected + ")");
        }
        long nl = DataFiles.u32(lab, 4);
        long expectedLab = 8 + nl;
        if (lab.length != expectedLab) {
            throw new DatasetException(labelsName + ": " + (lab.length < expectedLab ? "truncated: " : "")
                    + "header announces " + nl + " labels, so expected " + expectedLab + " bytes, found "
                    + lab.length);
        }
        if (nl != n) {
            throw new DatasetException("image/label count mismatch: " + imagesName + " holds " + n + " images but "
                    + labelsName + " holds " + nl + " labels");
        }
        int[] labels = new int[(int) n];
        for (int i = 0; i < n; i++) {
            int l = lab[8 + i] & 0xff;
            if (l >= classNames.length) {
                throw new DatasetException(labelsName + ": label " + i + " (byte offset " + (8 + i) + ") is " + l
                        + ", expected a class in 0–" + (classNames.length - 1));
            }
            labels[i] = l;
        }
        int dim = (int) (rows * cols);
        return Pool.ofBytes(imagesName, labels, dim, img, 16, dim, classNames.length, classNames, (int) cols,
                (int) rows, 1);
    }

    private static void checkHeader(String name, byte[] b, int magic, int headerBytes, String kind)
            throws DatasetException {
        if (b.length < headerBytes) {
            throw new DatasetException(name + ": truncated IDX " + kind + " header: expected " + headerBytes
                    + " bytes, found " + b.length);
        }
        long found = DataFiles.u32(b, 0);
        if (found != magic) {
            String hint = found == IMAGES_MAGIC ? " (this is an IDX images file)"
                    : found == LABELS_MAGIC ? " (this is an IDX labels file)" : "";
            throw new DatasetException(String.format(Locale.ROOT,
                    "%s: byte offset 0: expected the IDX %s magic number 0x%08X, found 0x%08X%s", name, kind, magic,
                    found, hint));
        }
    }
}
