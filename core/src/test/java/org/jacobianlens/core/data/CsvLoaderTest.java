package org.jacobianlens.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLoaderTest {
    @TempDir
    Path dir;

    private DatasetException fails(String name, String content) {
        Path p = TestFiles.write(dir, name, content);
        DatasetException e = assertThrows(DatasetException.class, () -> CsvLoader.load(p));
        assertTrue(e.getMessage().contains(p.toString()), e::getMessage);
        return e;
    }

    private static void assertMessage(DatasetException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "message '" + e.getMessage() + "' should contain '" + p + "'");
        }
    }

    @Test
    void loadsWithHeaderCrlfAndBlankLines() throws DatasetException {
        Path p = TestFiles.write(dir, "a.csv", "x0,x1,label\r\n1.5,-2,0\r\n\r\n3e1, 4 ,2\r\n");
        LabeledData d = CsvLoader.load(p);
        assertEquals(2, d.size());
        assertEquals(2, d.dim());
        assertArrayEquals(new double[] {1.5, -2}, d.x()[0]);
        assertArrayEquals(new double[] {30, 4}, d.x()[1]);
        assertArrayEquals(new int[] {0, 2}, d.labels());
        assertEquals(3, d.numClasses());
        assertEquals(0, d.imageWidth());
    }

    @Test
    void loadsGzippedWithoutHeader() throws DatasetException {
        byte[] gz = TestFiles.gzip("0,1,1\n2,3,0".getBytes(StandardCharsets.UTF_8));
        LabeledData d = CsvLoader.load(TestFiles.write(dir, "b.csv.gz", gz));
        assertEquals(2, d.size());
        assertArrayEquals(new int[] {1, 0}, d.labels());
        assertArrayEquals(new double[] {2, 3}, d.x()[1]);
    }

    @Test
    void rejectsNonNumericCellWithLineColumnAndText() {
        assertMessage(fails("c.csv", "x,y,label\n1,2,0\n3,abc,1\n"), "line 3, column 2", "'abc'");
        assertMessage(fails("c2.csv", "1,2,0\nNaN,1,1\n"), "line 2, column 1", "'NaN'");
    }

    @Test
    void rejectsRaggedRows() {
        assertMessage(fails("d.csv", "1,2,0\n1,2,3,0\n"), "line 2", "found 4 columns, expected 3");
        assertMessage(fails("d2.csv", "a,b,c\n1,0\n"), "line 2", "found 2 columns, expected 3");
    }

    @Test
    void rejectsBadLabels() {
        assertMessage(fails("e.csv", "1,2,0\n1,2,1.5\n"), "line 2, column 3", "label", "'1.5'");
        assertMessage(fails("f.csv", "1,2,-1\n"), "line 1, column 3", "'-1'");
        assertMessage(fails("g.csv", "1,2,cat\n3,4,dog\n"), "line 1, column 3", "'cat'");
    }

    @Test
    void rejectsEmptyFilesAndSingleColumn() {
        assertMessage(fails("h.csv", ""), "empty");
        assertMessage(fails("i.csv", "\n  \n"), "empty");
        assertMessage(fails("j.csv", "x0,label\n"), "no data lines");
        assertMessage(fails("k.csv", "1\n2\n"), "line 1", "at least two");
    }
}
