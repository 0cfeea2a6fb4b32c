package org.jacobianlens.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a {@link DatasetSpec} into {@link PreparedData}: resolves the data source, keeps the requested classes,
 * draws a seeded class-balanced sample, adds nested label noise to the training labels and preprocesses the inputs.
 * Bundled sources are loaded once and cached in memory (thread-safe).
 */
public final class DataFactory {
    /** System property overriding the directory of the full Fashion-MNIST IDX files. */
    public static final String FULL_FASHION_DIR_PROPERTY = "jacobianlens.fashionMnistDir";
    /** Where Debian's dataset-fashion-mnist package installs the full data set. */
    public static final Path DEBIAN_FASHION_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    private static final Map<String, Source> CACHE = new ConcurrentHashMap<>();
    private static final Object LOAD_LOCK = new Object();

    /**
     * One entry of the data set picker.
     *
     * @param name        the value to put in {@link DatasetSpec#dataset()}
     * @param description one line for users
     * @param isImage     whether rows are images (can be drawn as thumbnails)
     */
    public record CatalogEntry(String name, String description, boolean isImage) {
    }

    /** A resolved source: train pool, test pool (null if the source has one split only) and the pixel scale. */
    private record Source(String name, Pool train, Pool test, double scale, String scaleLabel) {
    }

    private DataFactory() {
    }

    /**
     * The bundled, installed and synthetic data sets in display order: fashion-mnist, digits, fashion-mnist-full
     * (only when installed), then blobs, spirals, circles, xor, teacher. Any file or directory path is also accepted
     * by {@link #prepare} but not listed.
     */
    public static List<CatalogEntry> catalog() {
        List<CatalogEntry> list = new ArrayList<>();
        list.add(new CatalogEntry("fashion-mnist", "Fashion-MNIST subset bundled with the app: 28×28 grey clothing "
                + "images, 10 classes, 5,000 training / 1,000 test (MIT, Zalando)", true));
        list.add(new CatalogEntry("digits", "UCI handwritten digits: 8×8 grey images, 10 classes, 1,797 examples "
                + "split into training and test by seed (CC BY 4.0)", true));
        if (isFullFashionMnistInstalled()) {
            list.add(new CatalogEntry("fashion-mnist-full", "complete Fashion-MNIST from " + fullFashionDir()
                    + ": 60,000 training / 10,000 test images", true));
        }
        list.add(new CatalogEntry("blobs", "Gaussian blobs, class means random on a sphere ("
                + Synthetic.defaults("blobs") + ")", false));
        list.add(new CatalogEntry("spirals", "two interleaved spirals in 2-D, 2 classes ("
                + Synthetic.defaults("spirals") + ")", false));
        list.add(new CatalogEntry("circles", "two concentric circles in 2-D, 2 classes ("
                + Synthetic.defaults("circles") + ")", false));
        list.add(new CatalogEntry("xor", "XOR: four Gaussian clusters at (±1, ±1), 2 classes ("
                + Synthetic.defaults("xor") + ")", false));
        list.add(new CatalogEntry("teacher", "Gaussian inputs labelled by a fixed random ReLU network, exactly "
                + "learnable (" + Synthetic.defaults("teacher") + ")", false));
        return List.copyOf(list);
    }

    /** Directory searched for the full Fashion-MNIST: the system property if set, else the Debian location. */
    public static Path fullFashionDir() {
        String p = System.getProperty(FULL_FASHION_DIR_PROPERTY);
        return p == null || p.isBlank() ? DEBIAN_FASHION_DIR : Path.of(p);
    }

    /** True when {@link #fullFashionDir()} holds the train and t10k IDX images files. */
    public static boolean isFullFashionMnistInstalled() {
        Path dir = fullFashionDir();
        return Files.isDirectory(dir) && IdxLoader.findImages(dir, "train") != null
                && IdxLoader.findImages(dir, "t10k") != null;
    }

    /** Forgets the cached bundled and installed sources (they are reloaded on the next use). */
    public static void clearCache() {
        CACHE.clear();
    }

    /**
     * Prepares training and test data.
     *
     * <p>Steps: resolve {@code spec.dataset()} (bundled name, {@code fashion-mnist-full}, synthetic name, or a
     * path: IDX directory or images file, CIFAR-10 directory or batch, CSV file); keep {@code spec.classes()} in the
     * given order (null: every class occurring in the training source, ascending), relabelled 0..K−1; draw nTrain
     * training and nTest test examples, class-balanced and in a seeded random order (sources with a single split are
     * divided by the seed into disjoint training and test parts); apply nested label noise of level
     * {@code spec.noise()} to the training labels only; scale pixels (/255, digits /16), center by the training mean,
     * append the bias input and scale rows to unit norm as requested ({@link Preprocessing}). Equal specs give
     * identical results.
     *
     * @return nTrain × d training and nTest × d test rows with labels in 0..K−1 (d counts the bias input's
     *         coordinate when there is one)
     * @throws DatasetException         if the source is missing or malformed, a class does not exist, fewer than
     *                                  two classes are selected, or more examples are asked for than exist (the
     *                                  message says how many exist)
     * @throws IllegalArgumentException for bad synthetic parameters (the message lists the valid keys)
     */
    public static PreparedData prepare(DatasetSpec spec) throws DatasetException {
        String ds = spec.dataset().trim();
        long seed = spec.seed();
        Source src;
        int[] classes;
        if (Synthetic.isSynthetic(ds)) {
            int sourceK = Synthetic.numClasses(ds);
            classes = spec.classes() == null ? range(sourceK) : spec.classes();
            checkClasses(classes, sourceK, ds);
            long total = (long) spec.nTrain() + spec.nTest();
            boolean teacher = ds.toLowerCase(Locale.ROOT).startsWith("teacher");
            long poolN = (long) Math.ceil(total * (double) sourceK / classes.length) * (teacher ? 2 : 1) + sourceK;
            if (poolN > 10_000_000) {
                throw new DatasetException(ds + ": " + total + " examples are more than the 10,000,000 the synthetic "
                        + "generators provide");
            }
            LabeledData gen = Synthetic.generate(ds, (int) poolN, Sampling.derive(seed, 0));
            src = new Source(ds, Pool.of(gen), null, 1, null);
        } else {
            src = source(ds);
            classes = spec.classes() == null ? present(src.train) : spec.classes();
            checkClasses(classes, src.train.numClasses, src.name);
        }
        int[] remap = new int[src.train.numClasses];
        Arrays.fill(remap, -1);
        for (int c = 0; c < classes.length; c++) {
            remap[classes[c]] = c;
        }
        Random trainRng = new Random(Sampling.derive(seed, 1));
        Random testRng = new Random(Sampling.derive(seed, 2));
        Pool testPool;
        int[] trainIdx;
        int[] testIdx;
        if (src.test != null) {
            testPool = src.test;
            trainIdx = Sampling.select(src.train.labels(), remap, null, spec.nTrain(), trainRng,
                    src.name + " training set", classes);
            testIdx = Sampling.select(testPool.labels(), remap, null, spec.nTest(), testRng, src.name + " test set",
                    classes);
        } else {
            testPool = src.train;
            int[] labels = src.train.labels();
            int eligible = 0;
            for (int l : labels) {
                eligible += remap[l] >= 0 ? 1 : 0;
            }
            if (eligible < spec.nTrain() + spec.nTest()) {
                throw new DatasetException(src.name + ": asked for " + spec.nTrain() + " training + " + spec.nTest()
                        + " test examples of classes " + Arrays.toString(classes) + " but only " + eligible
                        + " exist (this source has one split, which is divided into training and test)");
            }
            trainIdx = Sampling.select(labels, remap, null, spec.nTrain(), trainRng, src.name, classes);
            boolean[] used = new boolean[labels.length];
            for (int i : trainIdx) {
                used[i] = true;
            }
            testIdx = Sampling.select(labels, remap, used, spec.nTest(), testRng, src.name, classes);
        }
        double[][] trainRaw = rows(src.train, trainIdx);
        double[][] testRaw = rows(testPool, testIdx);
        int[] clean = relabel(src.train, trainIdx, remap);
        int[] testLabels = relabel(testPool, testIdx, remap);
        LabelNoise.Result noisy = LabelNoise.apply(clean, classes.length, spec.noise(), Sampling.derive(seed, 3));
        Preprocessing.Result pre = Preprocessing.apply(trainRaw, testRaw, src.scale, src.scaleLabel, spec.center(),
                spec.biasInput(), spec.unitNorm());
        String[] names = new String[classes.length];
        for (int c = 0; c < classes.length; c++) {
            names[c] = src.train.classNames[classes[c]];
        }
        return new PreparedData(src.name, pre.train(), noisy.labels(), clean, noisy.corrupted(), pre.test(),
                testLabels, names, classes.clone(), pre.description(), src.train.imageWidth, src.train.imageHeight,
                src.train.channels);
    }

    private static int[] range(int k) {
        int[] r = new int[k];
        for (int i = 0; i < k; i++) {
            r[i] = i;
        }
        return r;
    }

    private static int[] present(Pool p) {
        int[] counts = p.classCounts();
        return Arrays.stream(range(counts.length)).filter(c -> counts[c] > 0).toArray();
    }

    private static void checkClasses(int[] classes, int numClasses, String name) throws DatasetException {
        if (classes.length < 2) {
            throw new DatasetException(name + ": select at least two classes, found " + Arrays.toString(classes));
        }
        boolean[] seen = new boolean[numClasses];
        for (int c : classes) {
            if (c < 0 || c >= numClasses) {
                throw new DatasetException(name + ": class " + c + " does not exist (classes are 0–" + (numClasses - 1)
                        + ")");
            }
            if (seen[c]) {
                throw new DatasetException(name + ": class " + c + " is selected twice in " + Arrays.toString(classes));
            }
            seen[c] = true;
        }
    }

    private static double[][] rows(Pool p, int[] idx) {
        double[][] x = new double[idx.length][];
        for (int i = 0; i < idx.length; i++) {
            x[i] = p.row(idx[i]);
        }
        return x;
    }

    private static int[] relabel(Pool p, int[] idx, int[] remap) {
        int[] y = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            y[i] = remap[p.label(idx[i])];
        }
        return y;
    }

    private static Source source(String ds) throws DatasetException {
        String key = ds.toLowerCase(Locale.ROOT);
        boolean cacheable = key.equals("fashion-mnist") || key.equals("digits") || key.equals("fashion-mnist-full");
        if (!cacheable) {
            return fromPath(ds);
        }
        String cacheKey = key.equals("fashion-mnist-full") ? key + "@" + fullFashionDir() : key;
        Source s = CACHE.get(cacheKey);
        if (s != null) {
            return s;
        }
        synchronized (LOAD_LOCK) {
            s = CACHE.get(cacheKey);
            if (s == null) {
                s = switch (key) {
                    case "fashion-mnist" -> bundledFashion();
                    case "digits" -> bundledDigits();
                    default -> fullFashion();
                };
                CACHE.put(cacheKey, s);
            }
            return s;
        }
    }

    private static Source bundledFashion() throws DatasetException {
        String dir = "/datasets/fashion-mnist/";
        Pool train = IdxLoader.parse(dir + "train-images-idx3-ubyte.gz", resource(dir + "train-images-idx3-ubyte.gz"),
                dir + "train-labels-idx1-ubyte.gz", resource(dir + "train-labels-idx1-ubyte.gz"),
                IdxLoader.FASHION_CLASSES);
        Pool test = IdxLoader.parse(dir + "t10k-images-idx3-ubyte.gz", resource(dir + "t10k-images-idx3-ubyte.gz"),
                dir + "t10k-labels-idx1-ubyte.gz", resource(dir + "t10k-labels-idx1-ubyte.gz"),
                IdxLoader.FASHION_CLASSES);
        return new Source("fashion-mnist", train, test, 255, "pixels/255");
    }

    private static Source bundledDigits() throws DatasetException {
        String name = "/datasets/digits/digits.csv.gz";
        LabeledData d = CsvLoader.parse(name, resource(name));
        if (d.dim() != 64 || d.numClasses() != 10) {
            throw new DatasetException(name + ": expected 64 pixel columns and labels 0–9, found " + d.dim()
                    + " columns and labels up to " + (d.numClasses() - 1));
        }
        return new Source("digits", Pool.of(d).withImage(8, 8, 1, IdxLoader.DIGIT_CLASSES), null, 16, "pixels/16");
    }

    private static Source fullFashion() throws DatasetException {
        Path dir = fullFashionDir();
        if (!isFullFashionMnistInstalled()) {
            throw new DatasetException("fashion-mnist-full: the complete Fashion-MNIST is not installed: " + dir
                    + " should hold train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz"
                    + " and t10k-labels-idx1-ubyte.gz (Debian: apt install dataset-fashion-mnist; or set -D"
                    + FULL_FASHION_DIR_PROPERTY + "=DIR, or give the directory path as the dataset)");
        }
        Source s = idxDirectory(dir, IdxLoader.FASHION_CLASSES);
        return new Source("fashion-mnist-full", s.train, s.test, s.scale, s.scaleLabel);
    }

    private static byte[] resource(String name) throws DatasetException {
        try (InputStream in = DataFactory.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new DatasetException(name + ": bundled data file missing from the classpath (core must be built"
                        + " with the resources/datasets directory)");
            }
            return DataFiles.read(name, in);
        } catch (IOException e) {
            throw new DatasetException(name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static Source idxDirectory(Path dir, String[] names) throws DatasetException {
        Path trainImages = IdxLoader.findImages(dir, "train");
        Path testImages = IdxLoader.findImages(dir, "t10k");
        Pool train = IdxLoader.readPool(trainImages, IdxLoader.labelsBeside(trainImages), names);
        Pool test = testImages == null ? null
                : IdxLoader.readPool(testImages, IdxLoader.labelsBeside(testImages), names);
        if (test != null && test.dim() != train.dim()) {
            throw new DatasetException(testImages + ": images have " + test.dim() + " pixels, but the training images "
                    + trainImages + " have " + train.dim());
        }
        return new Source(dir.getFileName() == null ? dir.toString() : dir.getFileName().toString(), train, test, 255,
                "pixels/255");
    }

    private static Source fromPath(String ds) throws DatasetException {
        Path p = Path.of(ds);
        String fileName = p.getFileName() == null ? ds : p.getFileName().toString();
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (Files.isDirectory(p)) {
            String[] names = p.toAbsolutePath().toString().toLowerCase(Locale.ROOT).contains("fashion")
                    ? IdxLoader.FASHION_CLASSES : IdxLoader.DIGIT_CLASSES;
            if (IdxLoader.findImages(p, "train") != null) {
                return idxDirectory(p, names);
            }
            List<Path> batches = CifarLoader.trainBatches(p);
            Path testBatch = p.resolve("test_batch.bin");
            boolean hasTest = Files.isRegularFile(testBatch);
            if (!batches.isEmpty() || hasTest) {
                String[] cifarNames = CifarLoader.classNames(p);
                Pool test = hasTest ? CifarLoader.readPool(List.of(testBatch), cifarNames) : null;
                Pool train = batches.isEmpty() ? test : CifarLoader.readPool(batches, cifarNames);
                return new Source(fileName, train, batches.isEmpty() ? null : test, 255, "pixels/255");
            }
            throw new DatasetException(p + ": the directory holds no data set: expected IDX files "
                    + "(train-images-idx3-ubyte[.gz] with train-labels-idx1-ubyte[.gz], optionally t10k-…) or CIFAR-10"
                    + " batches (data_batch_N.bin, test_batch.bin)");
        }
        if (!Files.isRegularFile(p)) {
            throw new DatasetException("'" + ds + "' is neither a known data set (fashion-mnist, digits, "
                    + "fashion-mnist-full, " + String.join(", ", Synthetic.NAMES) + ") nor an existing file or directory");
        }
        if (lower.endsWith(".csv") || lower.endsWith(".csv.gz")) {
            return new Source(fileName, Pool.of(CsvLoader.load(p)), null, 1, null);
        }
        if (lower.endsWith(".bin")) {
            Path dir = p.toAbsolutePath().getParent();
            return new Source(fileName, CifarLoader.readPool(List.of(p), CifarLoader.classNames(dir)), null, 255,
                    "pixels/255");
        }
        if (lower.contains("images") && lower.contains("idx3")) {
            String[] names = p.toAbsolutePath().toString().toLowerCase(Locale.ROOT).contains("fashion")
                    ? IdxLoader.FASHION_CLASSES : IdxLoader.DIGIT_CLASSES;
            return new Source(fileName, IdxLoader.readPool(p, IdxLoader.labelsBeside(p), names), null, 255,
                    "pixels/255");
        }
        throw new DatasetException(p + ": unrecognized data file; expected a .csv or .csv.gz file, a CIFAR-10 batch "
                + "(.bin) or an IDX images file (*-images-idx3-ubyte[.gz])");
    }
}
