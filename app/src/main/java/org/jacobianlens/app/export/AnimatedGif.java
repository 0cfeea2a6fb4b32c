package org.jacobianlens.app.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.IntFunction;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.jacobianlens.app.files.AtomicFiles;
import org.jfree.chart.JFreeChart;

/**
 * Writes an animated GIF (for example the spectrum evolving over training) with the JDK's own GIF encoder: every
 * frame carries a graphic control extension with its delay, and a NETSCAPE2.0 application extension makes the
 * animation loop forever when asked. Headless; the file is written atomically.
 */
public final class AnimatedGif {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private AnimatedGif() {
    }

    /**
     * Writes {@code frames} (all of one size) as an animation showing each for {@code delayMs} milliseconds.
     * GIF counts delays in hundredths of a second: the delay is rounded to the nearest 10 ms, at least 20 ms
     * (browsers slow shorter delays down to 100 ms).
     *
     * @param loop repeat forever (NETSCAPE2.0 extension, loop count 0) or play once
     */
    public static void write(List<BufferedImage> frames, int delayMs, boolean loop, Path out) throws IOException {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("an animation needs at least one frame");
        }
        write(frames.iterator(), delayMs, loop, out);
    }

    /**
     * Renders and writes {@code frames} charts one at a time (never holding more than one picture in memory), the
     * chart of frame i being {@code chartAt.apply(i)} drawn at {@code w × h}.
     */
    public static void writeCharts(int frames, IntFunction<JFreeChart> chartAt, int w, int h, int delayMs,
                                   boolean loop, Path out) throws IOException {
        checkCount(frames);
        ChartExport.checkSize(w, h);
        Iterator<BufferedImage> it = new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < frames;
            }

            @Override
            public BufferedImage next() {
                if (next >= frames) {
                    throw new NoSuchElementException();
                }
                return ChartExport.image(chartAt.apply(next++), w, h, 1.0);
            }
        };
        write(it, delayMs, loop, out);
    }

    /** One {@code w × h} picture per frame, frame i showing {@code chartAt.apply(i)}. */
    public static List<BufferedImage> render(int frames, IntFunction<JFreeChart> chartAt, int w, int h) {
        checkCount(frames);
        ChartExport.checkSize(w, h);
        List<BufferedImage> out = new ArrayList<>(frames);
        for (int i = 0; i < frames; i++) {
            out.add(ChartExport.image(chartAt.apply(i), w, h, 1.0));
        }
        return out;
    }

    /** The delay written for {@code delayMs}, in hundredths of a second. */
    public static int centiseconds(int delayMs) {
        if (delayMs < 0) {
            throw new IllegalArgumentException("delay must not be negative, found " + delayMs);
        }
        return Math.min(65535, Math.max(2, Math.round(delayMs / 10.0f)));
    }

    private static void write(Iterator<BufferedImage> frames, int delayMs, boolean loop, Path out)
            throws IOException {
        int delay = centiseconds(delayMs);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) {
            throw new IOException("no GIF writer available");
        }
        ImageWriter writer = writers.next();
        try {
            AtomicFiles.write(out, os -> {
                try (ImageOutputStream ios = ImageIO.createImageOutputStream(os)) {
                    writer.setOutput(ios);
                    writer.prepareWriteSequence(null);
                    boolean first = true;
                    int width = -1;
                    int height = -1;
                    while (frames.hasNext()) {
                        BufferedImage img = frames.next();
                        if (first) {
                            width = img.getWidth();
                            height = img.getHeight();
                        } else if (img.getWidth() != width || img.getHeight() != height) {
                            throw new IllegalArgumentException("every frame must be " + width + " × " + height
                                    + ", found " + img.getWidth() + " × " + img.getHeight());
                        }
                        ImageWriteParam param = writer.getDefaultWriteParam();
                        IIOMetadata meta = writer.getDefaultImageMetadata(
                                ImageTypeSpecifier.createFromRenderedImage(img), param);
                        annotate(meta, delay, loop && first);
                        writer.writeToSequence(new IIOImage(img, null, meta), param);
                        first = false;
                    }
                    writer.endWriteSequence();
                    ios.flush();
                }
            });
        } finally {
            writer.dispose();
        }
    }

    /** Adds the graphic control extension (delay) and, on the first frame of a looping animation, NETSCAPE2.0. */
    private static void annotate(IIOMetadata meta, int delay, boolean loopExtension) throws IOException {
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
        IIOMetadataNode gce = child(root, "GraphicControlExtension");
        gce.setAttribute("disposalMethod", "none");
        gce.setAttribute("userInputFlag", "FALSE");
        gce.setAttribute("transparentColorFlag", "FALSE");
        gce.setAttribute("delayTime", Integer.toString(delay));
        gce.setAttribute("transparentColorIndex", "0");
        if (loopExtension) {
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0}); // sub-block 1, loop count 0 = forever (little endian)
            child(root, "ApplicationExtensions").appendChild(app);
        }
        meta.setFromTree(FORMAT, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    private static void checkCount(int frames) {
        if (frames < 1) {
            throw new IllegalArgumentException("an animation needs at least one frame, found " + frames);
        }
    }
}
