package org.jacobianlens.core.decision;

/**
 * The network's output over the plane of a 2-D data set at one step, with the training points, in the data's
 * coordinates before centering and unit-norm scaling (the plane a user thinks in). Arrays are read-only.
 *
 * <p>Cell (i, j) — column i along x, row j along y, both from the minimum — has its centre at
 * x = xMin + (i + ½)·(xMax − xMin)/gridSize and likewise for y; its K outputs are
 * {@code values[(j·gridSize + i)·outputs + k]}.
 *
 * @param step      training step of the weights
 * @param gridSize  cells per side
 * @param xMin      left edge of the plane
 * @param xMax      right edge
 * @param yMin      bottom edge
 * @param yMax      top edge
 * @param outputs   network outputs K (1 for two classes: the sign is the class)
 * @param values    gridSize² · K outputs, row-major from the bottom-left cell
 * @param pointX    x of the training points
 * @param pointY    y of the training points
 * @param labels    labels trained on (after noise), 0..classes−1
 * @param corrupted whether a training position received a random label
 */
public record DecisionMap(int step, int gridSize, double xMin, double xMax, double yMin, double yMax, int outputs,
                          double[] values, double[] pointX, double[] pointY, int[] labels, boolean[] corrupted) {

    public DecisionMap {
        if (gridSize < 1 || outputs < 1 || values.length != gridSize * gridSize * outputs) {
            throw new IllegalArgumentException("a decision map needs gridSize² · outputs values");
        }
        if (pointY.length != pointX.length || labels.length != pointX.length || corrupted.length != pointX.length) {
            throw new IllegalArgumentException("one x, y, label and corruption flag per training point");
        }
    }

    /** x of the centre of column i. */
    public double cellX(int i) {
        return xMin + (i + 0.5) * (xMax - xMin) / gridSize;
    }

    /** y of the centre of row j. */
    public double cellY(int j) {
        return yMin + (j + 0.5) * (yMax - yMin) / gridSize;
    }

    /** Output k of cell (i, j). */
    public double value(int i, int j, int k) {
        return values[(j * gridSize + i) * outputs + k];
    }

    /** The class the network predicts in cell (i, j): the sign for one output (0 below zero), else the arg max. */
    public int predictedClass(int i, int j) {
        if (outputs == 1) {
            return value(i, j, 0) >= 0 ? 1 : 0;
        }
        int best = 0;
        for (int k = 1; k < outputs; k++) {
            if (value(i, j, k) > value(i, j, best)) {
                best = k;
            }
        }
        return best;
    }
}
