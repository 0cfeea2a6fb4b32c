package org.jacobianlens.core.decision;

import org.jacobianlens.core.data.DataFactory;
import org.jacobianlens.core.data.DatasetException;
import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.data.PreparedData;
import org.jacobianlens.core.data.Preprocessing;
import org.jacobianlens.core.model.Network;

/**
 * A fixed grid over the plane of a 2-D data set, already passed through the training data's preprocessing, so that
 * every analysis frame costs one prediction on gridSize² rows. The plane is the data's coordinates before centering,
 * the bias input and unit-norm scaling (after the source's pixel scale, which is 1 for synthetic sets): the training
 * points' box, padded and made square so shapes keep their proportions. Grid points go through the same centering
 * (by the training mean), the same appended constant b (from the training rows) and the same unit-norm scaling as
 * the training rows, so the network sees a grid point exactly as it would see a training point there. Use on the
 * compute thread only (it calls the network).
 */
public final class DecisionGrid {
    /** Cells per side of the maps a run records. */
    public static final int DEFAULT_SIZE = 48;
    private static final double PAD = 0.15;

    private final int gridSize;
    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;
    private final double[][] inputs;
    private final double[] pointX;
    private final double[] pointY;
    private final int[] labels;
    private final boolean[] corrupted;

    private DecisionGrid(int gridSize, double[][] plane, DatasetSpec spec, PreparedData data) {
        this.gridSize = gridSize;
        int n = plane.length;
        pointX = new double[n];
        pointY = new double[n];
        double loX = Double.POSITIVE_INFINITY;
        double hiX = Double.NEGATIVE_INFINITY;
        double loY = Double.POSITIVE_INFINITY;
        double hiY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            pointX[i] = plane[i][0];
            pointY[i] = plane[i][1];
            loX = Math.min(loX, pointX[i]);
            hiX = Math.max(hiX, pointX[i]);
            loY = Math.min(loY, pointY[i]);
            hiY = Math.max(hiY, pointY[i]);
        }
        double half = 0.5 * Math.max(Math.max(hiX - loX, hiY - loY), 1e-9) * (1 + 2 * PAD);
        double cx = 0.5 * (loX + hiX);
        double cy = 0.5 * (loY + hiY);
        xMin = cx - half;
        xMax = cx + half;
        yMin = cy - half;
        yMax = cy + half;
        double[][] cells = new double[gridSize * gridSize][];
        for (int j = 0; j < gridSize; j++) {
            for (int i = 0; i < gridSize; i++) {
                cells[j * gridSize + i] = new double[] {
                    xMin + (i + 0.5) * (xMax - xMin) / gridSize, yMin + (j + 0.5) * (yMax - yMin) / gridSize};
            }
        }
        inputs = preprocess(plane, cells, spec);
        labels = data.trainLabels().clone();
        corrupted = data.corrupted().clone();
    }

    /**
     * The grid for a run's data, or {@code null} when the inputs are not 2-D (not counting the bias input's
     * coordinate).
     *
     * @param spec the spec {@code data} was prepared from (its centering, bias-input and unit-norm flags are applied
     *             to the grid)
     */
    public static DecisionGrid of(DatasetSpec spec, PreparedData data, int gridSize) {
        if (data.dim() - (spec.biasInput() ? 1 : 0) != 2 || gridSize < 1) {
            return null;
        }
        double[][] plane = data.trainX();
        if (spec.center() || spec.unitNorm() || spec.biasInput()) {
            try {
                // Same seed, same selection: only the preprocessing differs (DataFactory is deterministic).
                plane = DataFactory.prepare(spec.withPreprocessing(false, false, false)).trainX();
            } catch (DatasetException e) {
                return null; // the same source just loaded; nothing sensible to draw if it no longer does
            }
        }
        return new DecisionGrid(gridSize, plane, spec, data);
    }

    /** The preprocessing of the training rows applied to other rows of the same plane. */
    static double[][] preprocess(double[][] planeTrain, double[][] rows, DatasetSpec spec) {
        return Preprocessing.apply(planeTrain, rows, 1, null, spec.center(), spec.biasInput(), spec.unitNorm())
                .test();
    }

    /** The network's outputs on the grid now. */
    public DecisionMap map(int step, Network network) {
        double[][] out = network.predict(inputs);
        int k = network.outputs();
        double[] values = new double[out.length * k];
        for (int c = 0; c < out.length; c++) {
            System.arraycopy(out[c], 0, values, c * k, k);
        }
        return new DecisionMap(step, gridSize, xMin, xMax, yMin, yMax, k, values, pointX, pointY, labels,
                corrupted);
    }

    /** Grid rows after preprocessing, bottom-left first (a copy), for tests. */
    double[][] inputs() {
        double[][] c = new double[inputs.length][];
        for (int i = 0; i < c.length; i++) {
            c[i] = inputs[i].clone();
        }
        return c;
    }
}
