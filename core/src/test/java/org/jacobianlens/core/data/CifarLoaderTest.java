package org.jacobianlens.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarLoaderTest {
    @TempDir
    Path dir;

    private static void assertMessage(DatasetException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "message '" + e.getMessage() + "' should contain '" + p + "'");
        }
    }

    @Test
    void loadsBatchWithMetaNames() throws DatasetException {
        Path b = TestFiles.write(dir, "data_batch_1.bin", TestFiles.cifar(3, 0, 9));
        TestFiles.write(dir, "batches.meta.txt", "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n\n");
        LabeledData d = CifarLoader.loadBatch(b);
        assertEquals(3, d.size());
        assertEquals(3072, d.dim());
        assertArrayEquals(new int[] {3, 0, 9}, d.labels());
        assertEquals(32, d.imageWidth());
        assertEquals(32, d.imageHeight());
        assertEquals(3, d.channels());
        assertEquals("d", d.classNames()[3]);
        assertEquals((3 * 2 + 1024) % 256, d.x()[2][1024]); // first pixel of the green plane of record 2
        assertEquals((3 * 1 + 3071) % 256, d.x()[1][3071]);
    }

    @Test
    void defaultNamesAndConcatenationInBatchNumberOrder() throws DatasetException {
        TestFiles.write(dir, "data_batch_10.bin", TestFiles.cifar(7));
        TestFiles.write(dir, "data_batch_2.bin", TestFiles.cifar(5, 6));
        List<Path> batches = CifarLoader.trainBatches(dir);
        assertEquals(List.of(dir.resolve("data_batch_2.bin"), dir.resolve("data_batch_10.bin")), batches);
        LabeledData d = CifarLoader.loadBatches(batches, CifarLoader.classNames(dir));
        assertArrayEquals(new int[] {5, 6, 7}, d.labels());
        assertEquals("horse", d.classNames()[7]);
        assertEquals(TestFiles.cifar(7)[1] & 0xff, d.x()[2][0]);
    }

    @Test
    void rejectsTruncatedRecordWithIndexAndOffset() {
        byte[] two = TestFiles.cifar(1, 2);
        byte[] bad = new byte[two.length + 100];
        System.arraycopy(two, 0, bad, 0, two.length);
        Path b = TestFiles.write(dir, "test_batch.bin", bad);
        DatasetException e = assertThrows(DatasetException.class, () -> CifarLoader.loadBatch(b));
        assertMessage(e, b.toString(), "record 2", "byte offset 6146", "expected 3073 bytes, found 100");
    }

    @Test
    void rejectsEmptyFileBadLabelAndShortMeta() {
        Path empty = TestFiles.write(dir, "data_batch_1.bin", new byte[0]);
        DatasetException e = assertThrows(DatasetException.class, () -> CifarLoader.loadBatch(empty));
        assertMessage(e, empty.toString(), "empty");
        Path bad = TestFiles.write(dir, "data_batch_2.bin", TestFiles.cifar(1, 12));
        e = assertThrows(DatasetException.class, () -> CifarLoader.loadBatch(bad));
        assertMessage(e, bad.toString(), "record 1", "byte offset 3073", "label 12");
        TestFiles.write(dir, "batches.meta.txt", "cat\ndog\n");
        e = assertThrows(DatasetException.class, () -> CifarLoader.classNames(dir));
        assertMessage(e, "batches.meta.txt", "expected 10 class names", "found 2");
    }
}
