package org.jacobianlens.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DataFactory#prepare} on files and directories the test writes. */
class DataFactoryPathTest {
    @TempDir
    Path dir;

    private static DatasetSpec spec(Path p, int[] classes, int n, int nTest) {
        return new DatasetSpec(p.toString(), classes, n, nTest, 0, false, false, false, 3L);
    }

    private static int[] labels(int n, int k) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % k;
        }
        return y;
    }

    @Test
    void idxDirectoryAndSingleImagesFile() throws Exception {
        Path fashion = Files.createDirectories(dir.resolve("fashion"));
        TestFiles.write(fashion, "train-images-idx3-ubyte.gz", TestFiles.gzip(TestFiles.idxImages(20, 4, 5)));
        TestFiles.write(fashion, "train-labels-idx1-ubyte.gz", TestFiles.gzip(TestFiles.idxLabels(labels(20, 10))));
        TestFiles.write(fashion, "t10k-images-idx3-ubyte", TestFiles.idxImages(10, 4, 5));
        TestFiles.write(fashion, "t10k-labels-idx1-ubyte", TestFiles.idxLabels(labels(10, 10)));
        PreparedData d = DataFactory.prepare(spec(fashion, new int[] {9, 1}, 4, 2));
        assertEquals(20, d.dim());
        assertEquals(5, d.imageWidth());
        assertEquals(4, d.imageHeight());
        assertArrayEquals(new String[] {"Ankle boot", "Trouser"}, d.classNames());
        // row i of the file has pixel(i, 0) = 7i mod 256 and label i mod 10: check the remapping through it
        for (int r = 0; r < d.nTrain(); r++) {
            int i = (int) Math.round(d.trainX()[r][0] * 255) / 7;
            assertEquals(d.originalClasses()[d.trainLabels()[r]], i % 10);
        }
        assertEquals("pixels/255", d.preprocessing());
        PreparedData single = DataFactory.prepare(spec(fashion.resolve("train-images-idx3-ubyte.gz"), null, 12, 8));
        assertEquals(10, single.numClasses());
        Set<Double> firstPixels = new HashSet<>();
        for (double[][] part : new double[][][] {single.trainX(), single.testX()}) {
            for (double[] row : part) {
                firstPixels.add(row[0]);
            }
        }
        assertEquals(20, firstPixels.size()); // disjoint split uses all 20 distinct rows
        DatasetException e = assertThrows(DatasetException.class,
                () -> DataFactory.prepare(spec(fashion, null, 30, 5)));
        assertTrue(e.getMessage().contains("only 20 exist"), e.getMessage());
    }

    @Test
    void cifarDirectoryAndBatch() throws Exception {
        TestFiles.write(dir, "data_batch_1.bin", TestFiles.cifar(labels(10, 10)));
        TestFiles.write(dir, "data_batch_2.bin", TestFiles.cifar(labels(10, 10)));
        TestFiles.write(dir, "test_batch.bin", TestFiles.cifar(labels(10, 10)));
        PreparedData d = DataFactory.prepare(spec(dir, new int[] {3, 5}, 4, 2));
        assertEquals(3072, d.dim());
        assertEquals(3, d.channels());
        assertArrayEquals(new String[] {"cat", "dog"}, d.classNames());
        PreparedData one = DataFactory.prepare(spec(dir.resolve("test_batch.bin"), null, 6, 4));
        assertEquals(6, one.nTrain());
        assertEquals(4, one.nTest());
        Path broken = TestFiles.write(dir, "broken.bin", Arrays.copyOf(TestFiles.cifar(1, 2), 4000));
        DatasetException e = assertThrows(DatasetException.class, () -> DataFactory.prepare(spec(broken, null, 1, 0)));
        assertTrue(e.getMessage().contains("record 1 (byte offset 3073)"), e.getMessage());
    }

    @Test
    void csvFileIsSplitBySeed() throws Exception {
        StringBuilder sb = new StringBuilder("a,b,label\n");
        for (int i = 0; i < 30; i++) {
            sb.append(i).append(',').append(-i).append(',').append(i % 3).append('\n');
        }
        Path csv = TestFiles.write(dir, "points.csv", sb.toString());
        PreparedData d = DataFactory.prepare(spec(csv, null, 18, 12));
        assertEquals("points.csv", d.name());
        assertEquals(3, d.numClasses());
        Set<Double> used = new HashSet<>();
        for (int i = 0; i < d.nTrain(); i++) {
            double[] row = d.trainX()[i];
            assertEquals(-row[0], row[1], 0.0);
            assertEquals((int) row[0] % 3, d.originalClasses()[d.trainLabels()[i]]);
            used.add(row[0]);
        }
        for (int i = 0; i < d.nTest(); i++) {
            double[] row = d.testX()[i];
            assertEquals((int) row[0] % 3, d.originalClasses()[d.testLabels()[i]]);
            used.add(row[0]);
        }
        assertEquals(30, used.size());
        PreparedData other = DataFactory.prepare(new DatasetSpec(csv.toString(), null, 18, 12, 0, false, false, false, 4L));
        assertFalse(Arrays.deepEquals(d.trainX(), other.trainX()));
        Path empty = TestFiles.write(dir, "empty.csv", "");
        DatasetException e = assertThrows(DatasetException.class, () -> DataFactory.prepare(spec(empty, null, 1, 0)));
        assertTrue(e.getMessage().contains("empty.csv") && e.getMessage().contains("empty"), e.getMessage());
        Path plain = TestFiles.write(dir, "notes.txt", "hello");
        e = assertThrows(DatasetException.class, () -> DataFactory.prepare(spec(plain, null, 1, 0)));
        assertTrue(e.getMessage().contains("unrecognized"), e.getMessage());
    }

    @Test
    void fullFashionMnistDetection() throws Exception {
        String old = System.getProperty(DataFactory.FULL_FASHION_DIR_PROPERTY);
        try {
            Path none = Files.createDirectories(dir.resolve("none"));
            System.setProperty(DataFactory.FULL_FASHION_DIR_PROPERTY, none.toString());
            assertFalse(DataFactory.isFullFashionMnistInstalled());
            assertTrue(DataFactory.catalog().stream().noneMatch(c -> c.name().equals("fashion-mnist-full")));
            DatasetException e = assertThrows(DatasetException.class, () -> DataFactory.prepare(
                    new DatasetSpec("fashion-mnist-full", null, 5, 5, 0, false, true, false, 1)));
            assertTrue(e.getMessage().contains("not installed") && e.getMessage().contains(none.toString()),
                    e.getMessage());
            Path full = Files.createDirectories(dir.resolve("full"));
            TestFiles.write(full, "train-images-idx3-ubyte.gz", TestFiles.gzip(TestFiles.idxImages(20, 28, 28)));
            TestFiles.write(full, "train-labels-idx1-ubyte.gz", TestFiles.gzip(TestFiles.idxLabels(labels(20, 10))));
            TestFiles.write(full, "t10k-images-idx3-ubyte.gz", TestFiles.gzip(TestFiles.idxImages(10, 28, 28)));
            TestFiles.write(full, "t10k-labels-idx1-ubyte.gz", TestFiles.gzip(TestFiles.idxLabels(labels(10, 10))));
            System.setProperty(DataFactory.FULL_FASHION_DIR_PROPERTY, full.toString());
            assertTrue(DataFactory.isFullFashionMnistInstalled());
            assertTrue(DataFactory.catalog().stream().anyMatch(c -> c.name().equals("fashion-mnist-full")));
            PreparedData d = DataFactory.prepare(new DatasetSpec("fashion-mnist-full", null, 10, 10, 0, false, true, false, 1));
            assertEquals("fashion-mnist-full", d.name());
            assertEquals("Bag", d.classNames()[8]);
        } finally {
            if (old == null) {
                System.clearProperty(DataFactory.FULL_FASHION_DIR_PROPERTY);
            } else {
                System.setProperty(DataFactory.FULL_FASHION_DIR_PROPERTY, old);
            }
        }
    }
}
