package org.jacobianlens.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DataFactoryTest {
    private static DatasetSpec spec(String ds, int[] classes, int n, int nTest, double p, boolean center, boolean unit) {
        return new DatasetSpec(ds, classes, n, nTest, p, center, unit, false, 1L);
    }

    private static int[] counts(int[] labels, int k) {
        int[] c = new int[k];
        for (int l : labels) {
            c[l]++;
        }
        return c;
    }

    private static LabeledData bundled(String split) throws Exception {
        String dir = "/datasets/fashion-mnist/";
        try (InputStream img = DataFactoryTest.class.getResourceAsStream(dir + split + "-images-idx3-ubyte.gz");
             InputStream lab = DataFactoryTest.class.getResourceAsStream(dir + split + "-labels-idx1-ubyte.gz")) {
            assertNotNull(img);
            assertNotNull(lab);
            return IdxLoader.parse("img", DataFiles.read("img", img), "lab", DataFiles.read("lab", lab),
                    IdxLoader.FASHION_CLASSES).toLabeledData();
        }
    }

    @Test
    void bundledFashionMnistIsTheBalancedSubset() throws Exception {
        LabeledData train = bundled("train");
        LabeledData test = bundled("t10k");
        assertEquals(5000, train.size());
        assertEquals(1000, test.size());
        assertEquals(784, train.dim());
        int[] ctr = counts(train.labels(), 10);
        int[] cte = counts(test.labels(), 10);
        for (int c = 0; c < 10; c++) {
            assertEquals(500, ctr[c]);
            assertEquals(100, cte[c]);
        }
    }

    @Test
    void preparesFashionMnistAllClasses() throws DatasetException {
        PreparedData d = DataFactory.prepare(spec("fashion-mnist", null, 200, 100, 0, false, true));
        assertEquals("fashion-mnist", d.name());
        assertEquals(200, d.nTrain());
        assertEquals(100, d.nTest());
        assertEquals(784, d.dim());
        assertEquals(100, d.testX().length);
        assertEquals(10, d.numClasses());
        assertEquals(10, d.outputs());
        assertEquals(28, d.imageWidth());
        assertEquals(1, d.channels());
        assertArrayEquals(new int[] {20, 20, 20, 20, 20, 20, 20, 20, 20, 20}, counts(d.trainLabels(), 10));
        assertArrayEquals(new int[] {10, 10, 10, 10, 10, 10, 10, 10, 10, 10}, counts(d.testLabels(), 10));
        for (double[] row : d.trainX()) {
            assertEquals(1, Math.sqrt(Arrays.stream(row).map(v -> v * v).sum()), 1e-12);
        }
        assertEquals("pixels/255; rows scaled to unit norm", d.preprocessing());
        assertArrayEquals(d.cleanTrainLabels(), d.trainLabels());
        assertEquals(0, d.corruptedCount());
    }

    @Test
    void classSubsetIsRemappedInTheGivenOrder() throws Exception {
        PreparedData d = DataFactory.prepare(spec("fashion-mnist", new int[] {7, 3}, 60, 40, 0, false, false));
        assertEquals(2, d.numClasses());
        assertEquals(1, d.outputs());
        assertArrayEquals(new String[] {"Sneaker", "Dress"}, d.classNames());
        assertArrayEquals(new int[] {7, 3}, d.originalClasses());
        assertArrayEquals(new int[] {30, 30}, counts(d.trainLabels(), 2));
        assertEquals(-1, d.targets(new int[] {0})[0][0]);
        assertEquals("pixels/255", d.preprocessing());
        Map<String, Set<Integer>> truth = new HashMap<>();
        for (LabeledData src : List.of(bundled("train"), bundled("t10k"))) {
            for (int i = 0; i < src.size(); i++) {
                double[] scaled = Arrays.stream(src.x()[i]).map(v -> v / 255).toArray();
                truth.computeIfAbsent(Arrays.toString(scaled), k -> new HashSet<>()).add(src.labels()[i]);
            }
        }
        for (int i = 0; i < d.nTrain(); i++) {
            assertTrue(truth.get(Arrays.toString(d.trainX()[i])).contains(d.originalClasses()[d.trainLabels()[i]]));
        }
        for (int i = 0; i < d.nTest(); i++) {
            assertTrue(truth.get(Arrays.toString(d.testX()[i])).contains(d.originalClasses()[d.testLabels()[i]]));
        }
    }

    @Test
    void noiseTouchesOnlyTrainingLabelsAndNestsAcrossLevels() throws DatasetException {
        DatasetSpec base = spec("fashion-mnist", null, 300, 50, 0, true, true);
        PreparedData clean = DataFactory.prepare(base);
        PreparedData p3 = DataFactory.prepare(base.withNoise(0.3));
        PreparedData p1 = DataFactory.prepare(base.withNoise(1));
        assertEquals(90, p3.corruptedCount());
        assertEquals(300, p1.corruptedCount());
        assertTrue(Arrays.deepEquals(clean.trainX(), p1.trainX()));
        assertArrayEquals(clean.trainLabels(), p3.cleanTrainLabels());
        assertArrayEquals(clean.testLabels(), p1.testLabels());
        assertTrue(Arrays.deepEquals(clean.testX(), p1.testX()));
        for (int i = 0; i < 300; i++) {
            if (p3.corrupted()[i]) {
                assertTrue(p1.corrupted()[i]);
                assertEquals(p3.trainLabels()[i], p1.trainLabels()[i]);
            } else {
                assertEquals(clean.trainLabels()[i], p3.trainLabels()[i]);
            }
        }
        assertTrue(p1.changedCount() > 200 && p1.changedCount() < 300, "changed " + p1.changedCount());
        assertEquals("pixels/255; centered by the training mean; rows scaled to unit norm", clean.preprocessing());
        PreparedData again = DataFactory.prepare(base.withNoise(0.3));
        assertArrayEquals(p3.trainLabels(), again.trainLabels());
        assertTrue(Arrays.deepEquals(p3.trainX(), again.trainX()));
    }

    @Test
    void digitsTwoClassesWithDisjointSplit() throws DatasetException {
        PreparedData d = DataFactory.prepare(spec("digits", new int[] {3, 5}, 200, 150, 0, false, false));
        assertEquals(64, d.dim());
        assertEquals(8, d.imageWidth());
        assertEquals(8, d.imageHeight());
        assertArrayEquals(new String[] {"3", "5"}, d.classNames());
        assertEquals("pixels/16", d.preprocessing());
        double max = Arrays.stream(d.trainX()).flatMapToDouble(Arrays::stream).max().orElse(0);
        assertEquals(1.0, max, 1e-12);
        DatasetException e = assertThrows(DatasetException.class,
                () -> DataFactory.prepare(spec("digits", new int[] {3, 5}, 300, 100, 0, false, false)));
        assertTrue(e.getMessage().contains("only 365 exist"), e.getMessage());
        PreparedData all = DataFactory.prepare(spec("digits", null, 1000, 797, 0, false, false));
        assertEquals(10, all.numClasses());
        // the split is disjoint: every one of the 1797 rows is used once, so the row multisets add up
        Map<String, Integer> rows = new HashMap<>();
        for (double[][] part : new double[][][] {all.trainX(), all.testX()}) {
            for (double[] r : part) {
                rows.merge(Arrays.toString(r), 1, Integer::sum);
            }
        }
        assertEquals(1797, rows.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(rows.size() > 1700);
    }

    @Test
    void rejectsImpossibleRequests() {
        DatasetException e = assertThrows(DatasetException.class,
                () -> DataFactory.prepare(spec("fashion-mnist", new int[] {0, 1}, 1001, 10, 0, false, true)));
        assertTrue(e.getMessage().contains("only 1000 exist") && e.getMessage().contains("training"), e.getMessage());
        e = assertThrows(DatasetException.class,
                () -> DataFactory.prepare(spec("fashion-mnist", new int[] {0, 10}, 10, 10, 0, false, true)));
        assertTrue(e.getMessage().contains("class 10 does not exist"), e.getMessage());
        e = assertThrows(DatasetException.class,
                () -> DataFactory.prepare(spec("fashion-mnist", new int[] {4}, 10, 10, 0, false, true)));
        assertTrue(e.getMessage().contains("at least two classes"), e.getMessage());
        e = assertThrows(DatasetException.class,
                () -> DataFactory.prepare(spec("no-such-data", null, 10, 10, 0, false, true)));
        assertTrue(e.getMessage().contains("'no-such-data'") && e.getMessage().contains("fashion-mnist"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> DataFactory.prepare(spec("blobs:colour=red", null, 10, 10, 0, false, true)));
    }

    @Test
    void syntheticSourcesAreSplitAndSubset() throws DatasetException {
        PreparedData d = DataFactory.prepare(spec("blobs:classes=4,dim=8", new int[] {2, 0}, 40, 20, 0, false, false));
        assertEquals(8, d.dim());
        assertEquals(2, d.numClasses());
        assertArrayEquals(new int[] {20, 20}, counts(d.trainLabels(), 2));
        assertArrayEquals(new int[] {10, 10}, counts(d.testLabels(), 2));
        assertEquals("features as given", d.preprocessing());
        assertFalse(d.trainX().length == 0);
        for (String name : Synthetic.NAMES) {
            PreparedData s = DataFactory.prepare(spec(name, null, 50, 30, 0.2, true, true));
            assertEquals(50, s.nTrain());
            assertEquals(30, s.nTest());
            assertEquals(10, s.corruptedCount());
            assertEquals(0, s.imageWidth());
        }
    }

    /** The bias input adds one constant column to training and test rows; selection and labels do not change. */
    @Test
    void biasInputAppendsOneConstantColumn() throws DatasetException {
        DatasetSpec plain = spec("spirals", null, 40, 20, 0.2, false, false);
        DatasetSpec biased = plain.withPreprocessing(false, false, true);
        PreparedData a = DataFactory.prepare(plain);
        PreparedData b = DataFactory.prepare(biased);
        assertEquals(2, a.dim());
        assertEquals(3, b.dim());
        assertArrayEquals(a.trainLabels(), b.trainLabels());
        double constant = b.trainX()[0][2];
        assertEquals(Preprocessing.rmsNorm(a.trainX()), constant, 1e-12);
        for (int i = 0; i < a.nTrain(); i++) {
            assertArrayEquals(a.trainX()[i], Arrays.copyOf(b.trainX()[i], 2), 0);
            assertEquals(constant, b.trainX()[i][2], 0);
        }
        for (double[] row : b.testX()) {
            assertEquals(constant, row[2], 0);
        }
        assertTrue(b.preprocessing().contains("constant coordinate b = "), b.preprocessing());
        assertFalse(a.preprocessing().contains("constant"), a.preprocessing());
    }

    @Test
    void theBiasInputIsTheDefaultForThePlanarSetsOnly() {
        for (String planar : List.of("spirals", "circles", "xor", "blobs", "blobs:classes=4", " Spirals ")) {
            assertTrue(DatasetSpec.defaultBiasInput(planar), planar);
        }
        for (String other : List.of("fashion-mnist", "digits", "teacher", "/data/points.csv", "spiralsX")) {
            assertFalse(DatasetSpec.defaultBiasInput(other), other);
        }
        assertFalse(DatasetSpec.defaults().biasInput());
    }

    @Test
    void catalogListsBundledAndSyntheticSets() {
        List<String> names = new ArrayList<>();
        for (DataFactory.CatalogEntry e : DataFactory.catalog()) {
            names.add(e.name());
            assertFalse(e.description().isBlank());
        }
        assertTrue(names.containsAll(List.of("fashion-mnist", "digits", "blobs", "spirals", "circles", "xor",
                "teacher")), names.toString());
        assertTrue(DataFactory.catalog().get(0).isImage());
        assertFalse(DataFactory.catalog().get(DataFactory.catalog().size() - 1).isImage());
    }

    @Test
    void concurrentPreparesAgree() throws Exception {
        DataFactory.clearCache();
        DatasetSpec s = spec("digits", new int[] {0, 1}, 100, 50, 0.5, true, true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<PreparedData>> fs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                fs.add(pool.submit(() -> DataFactory.prepare(s)));
            }
            PreparedData first = fs.get(0).get();
            for (Future<PreparedData> f : fs) {
                PreparedData other = f.get();
                assertTrue(Arrays.deepEquals(first.trainX(), other.trainX()));
                assertArrayEquals(first.trainLabels(), other.trainLabels());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
