package org.jacobianlens.app.viewmodel;

import java.util.Arrays;

import org.jacobianlens.core.data.DataFactory;
import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.data.PreparedData;

/**
 * What a dataset looks like, for the picker's thumbnail: a few sample images (grey levels or RGB in [0, 1], each
 * image stretched to its own range) for image data, else a scatter of the first two input coordinates coloured by
 * class. Plain arrays only; built off the UI thread.
 *
 * @param name     dataset name
 * @param width    image width (0 for a scatter)
 * @param height   image height
 * @param channels 1 (grey) or 3 (RGB)
 * @param images   sample images, each width·height·channels values, channel-major as stored
 * @param x        scatter x (first coordinate)
 * @param y        scatter y (second coordinate, 0 for 1-D data)
 * @param labels   class per sample
 * @param classes  number of classes
 */
public record Preview(String name, int width, int height, int channels, double[][] images, double[] x, double[] y,
                      int[] labels, int classes) {

    /** Images shown for image data. */
    public static final int IMAGES = 16;
    /** Points shown for other data. */
    public static final int POINTS = 300;

    public boolean isImage() {
        return width > 0;
    }

    /** Loads a small, deterministic sample of {@code dataset}. */
    public static Preview load(String dataset) throws DatasetException {
        PreparedData probe = DataFactory.prepare(new DatasetSpec(dataset, null, POINTS, 0, 0, false, false, false, 1));
        int n = probe.nTrain();
        if (probe.imageWidth() > 0) {
            int k = Math.min(IMAGES, n);
            double[][] img = new double[k][];
            for (int i = 0; i < k; i++) {
                img[i] = stretch(probe.trainX()[i]);
            }
            return new Preview(dataset, probe.imageWidth(), probe.imageHeight(), Math.max(1, probe.channels()), img,
                    new double[0], new double[0], Arrays.copyOf(probe.trainLabels(), k), probe.numClasses());
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            double[] row = probe.trainX()[i];
            xs[i] = row[0];
            ys[i] = row.length > 1 ? row[1] : 0;
        }
        return new Preview(dataset, 0, 0, 0, new double[0][], xs, ys, probe.trainLabels(), probe.numClasses());
    }

    private static double[] stretch(double[] v) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double a : v) {
            lo = Math.min(lo, a);
            hi = Math.max(hi, a);
        }
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = hi > lo ? (v[i] - lo) / (hi - lo) : 0;
        }
        return out;
    }
}
