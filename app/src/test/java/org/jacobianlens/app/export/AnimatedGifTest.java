package org.jacobianlens.app.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;

class AnimatedGifTest {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    @Test
    void writesEveryFrameWithItsDelayAndTheLoopExtension(@TempDir Path dir) throws Exception {
        List<BufferedImage> frames = AnimatedGif.render(5, i -> ChartExportTest.chart(1 + i), 240, 160);
        assertEquals(5, frames.size());
        Path out = dir.resolve("spectrum.gif");
        AnimatedGif.write(frames, 120, true, out);

        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(out.toFile())) {
            reader.setInput(in);
            assertEquals(5, reader.getNumImages(true));
            for (int i = 0; i < 5; i++) {
                IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(i).getAsTree(FORMAT);
                assertEquals("12", child(root, "GraphicControlExtension").getAttribute("delayTime"), "frame " + i);
                BufferedImage img = reader.read(i);
                assertEquals(240, img.getWidth());
                assertEquals(160, img.getHeight());
                assertTrue(meanDifference(img, frames.get(i)) < 6, "frame " + i + " shows its chart");
            }
            assertTrue(meanDifference(reader.read(0), frames.get(4)) > meanDifference(reader.read(0), frames.get(0)));
            IIOMetadataNode app = child(child((IIOMetadataNode) reader.getImageMetadata(0).getAsTree(FORMAT),
                    "ApplicationExtensions"), "ApplicationExtension");
            assertEquals("NETSCAPE", app.getAttribute("applicationID"));
            assertEquals("2.0", app.getAttribute("authenticationCode"));
            assertArrayEquals(new byte[] {1, 0, 0}, (byte[]) app.getUserObject());
        } finally {
            reader.dispose();
        }
        // Independently of ImageIO: the raw bytes hold "NETSCAPE2.0", sub-block size 3, id 1, loop count 0.
        byte[] raw = Files.readAllBytes(out);
        assertEquals("GIF89a", new String(raw, 0, 6, java.nio.charset.StandardCharsets.US_ASCII));
        int at = indexOf(raw, "NETSCAPE2.0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(at > 0, "loop extension present");
        assertArrayEquals(new byte[] {3, 1, 0, 0, 0}, java.util.Arrays.copyOfRange(raw, at + 11, at + 16));
        assertEquals(1, count(raw, "NETSCAPE2.0".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    @Test
    void playsOnceWithoutTheLoopExtension(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("once.gif");
        AnimatedGif.writeCharts(3, i -> ChartExportTest.chart(1 + i), 200, 100, 40, false, out);
        byte[] raw = Files.readAllBytes(out);
        assertEquals(-1, indexOf(raw, "NETSCAPE".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(out.toFile())) {
            reader.setInput(in);
            assertEquals(3, reader.getNumImages(true));
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(2).getAsTree(FORMAT);
            assertEquals("4", child(root, "GraphicControlExtension").getAttribute("delayTime"));
            assertNotEquals(0, ChartExportTest.inked(reader.read(2)));
        } finally {
            reader.dispose();
        }
    }

    @Test
    void delaysAreRoundedToHundredthsAndChecked(@TempDir Path dir) {
        assertEquals(10, AnimatedGif.centiseconds(100));
        assertEquals(11, AnimatedGif.centiseconds(105));
        assertEquals(10, AnimatedGif.centiseconds(104));
        assertEquals(2, AnimatedGif.centiseconds(0));
        assertEquals(65535, AnimatedGif.centiseconds(Integer.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> AnimatedGif.centiseconds(-1));
        assertThrows(IllegalArgumentException.class, () -> AnimatedGif.write(List.of(), 100, true,
                dir.resolve("none.gif")));
        List<BufferedImage> mixed = List.of(new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB),
                new BufferedImage(12, 10, BufferedImage.TYPE_INT_RGB));
        assertThrows(IllegalArgumentException.class, () -> AnimatedGif.write(mixed, 100, true, dir.resolve("m.gif")));
        assertTrue(Files.notExists(dir.resolve("m.gif")), "a failed write leaves nothing");
    }

    private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals(name)) {
                return (IIOMetadataNode) n;
            }
        }
        throw new AssertionError("no " + name + " under " + parent.getNodeName());
    }

    /** Mean absolute difference per channel between two pictures of the same size (0 … 255). */
    private static double meanDifference(BufferedImage a, BufferedImage b) {
        double sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs(((p >> shift) & 0xFF) - ((q >> shift) & 0xFF));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int count(byte[] hay, byte[] needle) {
        int n = 0;
        for (int i = indexOf(hay, needle); i >= 0; ) {
            n++;
            int next = indexOf(java.util.Arrays.copyOfRange(hay, i + 1, hay.length), needle);
            i = next < 0 ? -1 : i + 1 + next;
        }
        return n;
    }
}
