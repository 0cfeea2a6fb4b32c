package org.jacobianlens.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxLoaderTest {
    @TempDir
    Path dir;

    private static void assertMessage(DatasetException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "message '" + e.getMessage() + "' should contain '" + p + "'");
        }
    }

    @Test
    void loadsRawFiles() throws DatasetException {
        Path img = TestFiles.write(dir, "train-images-idx3-ubyte", TestFiles.idxImages(3, 2, 3));
        Path lab = TestFiles.write(dir, "train-labels-idx1-ubyte", TestFiles.idxLabels(0, 9, 4));
        LabeledData d = IdxLoader.load(img, lab);
        assertEquals(3, d.size());
        assertEquals(6, d.dim());
        assertArrayEquals(new int[] {0, 9, 4}, d.labels());
        assertEquals(3, d.imageWidth());
        assertEquals(2, d.imageHeight());
        assertEquals(1, d.channels());
        assertEquals(10, d.numClasses());
        assertEquals("9", d.classNames()[9]);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(TestFiles.pixel(i, j), d.x()[i][j]);
            }
        }
    }

    @Test
    void detectsGzipByMagicBytesAndFindsLabelsBeside() throws DatasetException {
        Path fashion = dir.resolve("my-fashion");
        fashion.toFile().mkdirs();
        Path img = TestFiles.write(fashion, "t10k-images-idx3-ubyte.gz", TestFiles.gzip(TestFiles.idxImages(2, 28, 28)));
        TestFiles.write(fashion, "t10k-labels-idx1-ubyte.gz", TestFiles.gzip(TestFiles.idxLabels(8, 1)));
        Path lab = IdxLoader.labelsBeside(img);
        assertEquals("t10k-labels-idx1-ubyte.gz", lab.getFileName().toString());
        LabeledData d = IdxLoader.load(img, lab);
        assertEquals(784, d.dim());
        assertEquals("Bag", d.classNames()[8]);
        assertEquals(TestFiles.pixel(1, 783), d.x()[1][783]);
        // a gzipped file without the .gz suffix is still recognized
        Path plainName = TestFiles.write(dir, "x-images-idx3-ubyte", TestFiles.gzip(TestFiles.idxImages(2, 2, 2)));
        TestFiles.write(dir, "x-labels-idx1-ubyte", TestFiles.idxLabels(1, 2));
        assertEquals(2, IdxLoader.load(plainName, IdxLoader.labelsBeside(plainName)).size());
    }

    @Test
    void rejectsWrongMagic() {
        Path img = TestFiles.write(dir, "a-images-idx3-ubyte", TestFiles.idxLabels(1, 2, 3, 4, 5, 6, 7, 8, 9));
        Path lab = TestFiles.write(dir, "a-labels-idx1-ubyte", TestFiles.idxLabels(1));
        DatasetException e = assertThrows(DatasetException.class, () -> IdxLoader.load(img, lab));
        assertMessage(e, img.toString(), "byte offset 0", "0x00000803", "found 0x00000801", "labels file");
        Path img2 = TestFiles.write(dir, "b-images-idx3-ubyte", TestFiles.idxImages(1, 2, 2));
        Path lab2 = TestFiles.write(dir, "b-labels-idx1-ubyte", TestFiles.idxImages(1, 2, 2));
        e = assertThrows(DatasetException.class, () -> IdxLoader.load(img2, lab2));
        assertMessage(e, lab2.toString(), "0x00000801", "found 0x00000803");
    }

    @Test
    void rejectsTruncatedImagesWithExpectedAndActualBytes() {
        byte[] full = TestFiles.idxImages(3, 2, 2); // 16 + 12 = 28 bytes
        Path img = TestFiles.write(dir, "c-images-idx3-ubyte", TestFiles.prefix(full, 25));
        Path lab = TestFiles.write(dir, "c-labels-idx1-ubyte", TestFiles.idxLabels(0, 1, 2));
        DatasetException e = assertThrows(DatasetException.class, () -> IdxLoader.load(img, lab));
        assertMessage(e, img.toString(), "truncated", "expected 28 bytes, found 25", "image 2", "byte offset 24");
        Path hdr = TestFiles.write(dir, "d-images-idx3-ubyte", TestFiles.prefix(full, 10));
        e = assertThrows(DatasetException.class, () -> IdxLoader.load(hdr, lab));
        assertMessage(e, hdr.toString(), "header", "expected 16 bytes, found 10");
    }

    @Test
    void rejectsTruncatedGzipAndTrailingBytes() {
        byte[] gz = TestFiles.gzip(TestFiles.idxImages(50, 4, 4));
        Path img = TestFiles.write(dir, "e-images-idx3-ubyte.gz", TestFiles.prefix(gz, gz.length / 2));
        Path lab = TestFiles.write(dir, "e-labels-idx1-ubyte", TestFiles.idxLabels(new int[50]));
        DatasetException e = assertThrows(DatasetException.class, () -> IdxLoader.load(img, lab));
        assertMessage(e, img.toString(), "gzip", "truncated");
        byte[] longer = new byte[16 + 50 * 16 + 3];
        System.arraycopy(TestFiles.idxImages(50, 4, 4), 0, longer, 0, 16 + 50 * 16);
        Path img2 = TestFiles.write(dir, "f-images-idx3-ubyte", longer);
        e = assertThrows(DatasetException.class, () -> IdxLoader.load(img2, lab));
        assertMessage(e, img2.toString(), "expected 816 bytes", "found 819", "trailing");
    }

    @Test
    void rejectsCountMismatchAndLabelOutOfRange() {
        Path img = TestFiles.write(dir, "g-images-idx3-ubyte", TestFiles.idxImages(3, 2, 2));
        Path lab = TestFiles.write(dir, "g-labels-idx1-ubyte", TestFiles.idxLabels(0, 1));
        DatasetException e = assertThrows(DatasetException.class, () -> IdxLoader.load(img, lab));
        assertMessage(e, "mismatch", img.toString(), "3 images", lab.toString(), "2 labels");
        Path lab2 = TestFiles.write(dir, "h-labels-idx1-ubyte", TestFiles.idxLabels(0, 10, 1));
        e = assertThrows(DatasetException.class, () -> IdxLoader.load(img, lab2));
        assertMessage(e, lab2.toString(), "label 1", "byte offset 9", "is 10", "0–9");
        Path lab3 = TestFiles.write(dir, "i-labels-idx1-ubyte", TestFiles.prefix(TestFiles.idxLabels(0, 1, 2), 10));
        e = assertThrows(DatasetException.class, () -> IdxLoader.load(img, lab3));
        assertMessage(e, lab3.toString(), "truncated", "expected 11 bytes, found 10");
    }

    @Test
    void reportsMissingLabelsFile() {
        Path img = TestFiles.write(dir, "j-images-idx3-ubyte.gz", TestFiles.gzip(TestFiles.idxImages(1, 2, 2)));
        DatasetException e = assertThrows(DatasetException.class, () -> IdxLoader.labelsBeside(img));
        assertMessage(e, img.toString(), "j-labels-idx1-ubyte.gz", "missing");
        Path odd = TestFiles.write(dir, "pictures.bin", new byte[4]);
        e = assertThrows(DatasetException.class, () -> IdxLoader.labelsBeside(odd));
        assertMessage(e, odd.toString(), "idx3");
    }
}
