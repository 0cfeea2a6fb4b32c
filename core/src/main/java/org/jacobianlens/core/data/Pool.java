package org.jacobianlens.core.data;

import java.util.Arrays;

/**
 * A loaded data source held compactly: image sources keep their unsigned pixel bytes (so the full Fashion-MNIST
 * or CIFAR-10 training sets cost one byte per pixel, not eight) and rows are converted to doubles only when
 * selected. Immutable; safe to share between threads.
 */
final class Pool {
    final String source;
    final int numClasses;
    final String[] classNames;
    final int imageWidth;
    final int imageHeight;
    final int channels;
    private final int[] labels;
    private final int dim;
    private final byte[] pixels;
    private final int offset;
    private final int stride;
    private final double[][] rows;

    private Pool(String source, int[] labels, int dim, byte[] pixels, int offset, int stride, double[][] rows,
                 int numClasses, String[] classNames, int imageWidth, int imageHeight, int channels) {
        this.source = source;
        this.labels = labels;
        this.dim = dim;
        this.pixels = pixels;
        this.offset = offset;
        this.stride = stride;
        this.rows = rows;
        this.numClasses = numClasses;
        this.classNames = classNames.clone();
        this.imageWidth = imageWidth;
        this.imageHeight = imageHeight;
        this.channels = channels;
    }

    /** Row i starts at byte {@code offset + i*stride} of {@code pixels} and has {@code dim} unsigned bytes. */
    static Pool ofBytes(String source, int[] labels, int dim, byte[] pixels, int offset, int stride, int numClasses,
                        String[] classNames, int imageWidth, int imageHeight, int channels) {
        return new Pool(source, labels, dim, pixels, offset, stride, null, numClasses, classNames, imageWidth,
                imageHeight, channels);
    }

    /** Wraps already materialized data (the arrays are not copied; callers must not modify them afterwards). */
    static Pool of(LabeledData d) {
        return new Pool(d.source(), d.labels(), d.dim(), null, 0, 0, d.x(), d.numClasses(), d.classNames(),
                d.imageWidth(), d.imageHeight(), d.channels());
    }

    int size() {
        return labels.length;
    }

    int dim() {
        return dim;
    }

    int label(int i) {
        return labels[i];
    }

    int[] labels() {
        return labels.clone();
    }

    /** A fresh copy of row i in raw units. */
    double[] row(int i) {
        if (rows != null) {
            return rows[i].clone();
        }
        double[] r = new double[dim];
        int base = offset + i * stride;
        for (int j = 0; j < dim; j++) {
            r[j] = pixels[base + j] & 0xff;
        }
        return r;
    }

    /** Copy with the given image geometry (for sources whose file format cannot carry it, such as digits CSV). */
    Pool withImage(int width, int height, int ch, String[] names) {
        return new Pool(source, labels, dim, pixels, offset, stride, rows, numClasses, names, width, height, ch);
    }

    LabeledData toLabeledData() {
        double[][] x = new double[size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = row(i);
        }
        return new LabeledData(source, x, labels.clone(), numClasses, classNames.clone(), imageWidth, imageHeight,
                channels);
    }

    /** Class counts over all rows, indexed by source class. */
    int[] classCounts() {
        int[] c = new int[numClasses];
        for (int l : labels) {
            c[l]++;
        }
        return c;
    }

    @Override
    public String toString() {
        return "Pool[" + source + ", n=" + size() + ", d=" + dim + ", classes=" + Arrays.toString(classNames) + "]";
    }
}
