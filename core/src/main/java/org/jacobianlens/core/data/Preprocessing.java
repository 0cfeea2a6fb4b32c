package org.jacobianlens.core.data;

/**
 * Input preprocessing in the order of SCIENCE.md §1.1 and §9.1: divide by a scale (pixels/255 for images,
 * pixels/16 for digits), optionally subtract the <em>training</em> mean from training and test rows, optionally
 * append a constant coordinate b (the bias input, x ↦ (x, b)), then optionally scale each row to unit Euclidean
 * norm. Rows that are exactly zero at that point cannot be normalized: they are left at zero and the description
 * says how many there were.
 *
 * <p><b>Bias input.</b> Arora et al.'s two-layer net f(x) = (1/√m) Σ a_r relu(w_rᵀx) has no bias, so
 * f(cx) = c·f(x): its sign is constant along every ray from the origin, and data whose classes alternate along
 * rays (two spirals) cannot be fitted. With x ↦ (x, b) the weight on the last coordinate acts as a trained bias,
 * w_rᵀ(x, b) = w_rᵀx + w_{r,b}·b, so each ReLU's kink is a line anywhere in the plane. b is the training rows'
 * root-mean-square norm (after centering; 1 if that is 0), computed from the training rows only and reused for
 * test rows, like the mean: the constant then has the scale of the features whatever their units, so the kinks of
 * randomly initialized units fall across the data, and a typical row's squared norm is half features, half constant. It is appended <em>before</em> unit-norm scaling, so (x, b)/‖(x, b)‖ keeps the
 * radius that scaling x alone would throw away (x = b·x̃/x̃_{d+1} can be read back), and the inputs the network
 * sees are on the unit sphere, as H∞'s theory assumes.
 */
public final class Preprocessing {
    private Preprocessing() {
    }

    /**
     * Preprocessed copies of the inputs.
     *
     * @param train       n × d training rows
     * @param test        n* × d test rows
     * @param description one line for users, e.g. "pixels/255; centered by the training mean; rows scaled to unit norm"
     * @param zeroRows    rows (training plus test) left at zero because their norm was 0 before normalizing
     * @param bias        the constant b appended to every row, or 0 when no bias input was asked for
     */
    public record Result(double[][] train, double[][] test, String description, int zeroRows, double bias) {
    }

    /** {@link #apply(double[][], double[][], double, String, boolean, boolean, boolean)} without a bias input. */
    public static Result apply(double[][] train, double[][] test, double scale, String scaleLabel, boolean center,
                               boolean unitNorm) {
        return apply(train, test, scale, scaleLabel, center, false, unitNorm);
    }

    /**
     * Applies scaling, centering and unit-norm scaling; the inputs are not modified.
     *
     * @param train      n × d training rows (n ≥ 1 when center is true)
     * @param test       n* × d test rows (may be empty)
     * @param scale      positive divisor applied to every value (1 for none)
     * @param scaleLabel how the scaling is described, e.g. "pixels/255"; null means no scaling was meant and the
     *                   description starts with "features as given"
     * @param center     subtract the training mean (computed after scaling) from training and test rows
     * @param biasInput  append the constant coordinate b (see the class comment): rows get d + 1 values
     * @param unitNorm   divide every row by its Euclidean norm after centering (and after the bias input)
     * @throws IllegalArgumentException if scale is not positive, rows have different lengths, or centering is asked
     *                                  for without training rows
     */
    public static Result apply(double[][] train, double[][] test, double scale, String scaleLabel, boolean center,
                               boolean biasInput, boolean unitNorm) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale must be a positive number, found " + scale);
        }
        int d = train.length > 0 ? train[0].length : test.length > 0 ? test[0].length : 0;
        double[][] tr = scaled(train, scale, d, "training");
        double[][] te = scaled(test, scale, d, "test");
        StringBuilder desc = new StringBuilder(scaleLabel == null ? "features as given" : scaleLabel);
        if (center) {
            if (tr.length == 0) {
                throw new IllegalArgumentException("centering needs at least one training row");
            }
            double[] mean = mean(tr);
            subtract(tr, mean);
            subtract(te, mean);
            desc.append("; centered by the training mean");
        }
        double b = 0;
        if (biasInput) {
            b = rmsNorm(tr);
            tr = appended(tr, b);
            te = appended(te, b);
            desc.append(String.format(java.util.Locale.ROOT, "; constant coordinate b = %.4g appended, x ↦ (x, b) "
                    + "(b = the training rows' RMS norm)", b));
        }
        int zero = 0;
        if (unitNorm) {
            zero = normalize(tr) + normalize(te);
            desc.append("; rows scaled to unit norm");
            if (zero > 0) {
                desc.append(" (").append(zero).append(zero == 1 ? " all-zero row" : " all-zero rows")
                        .append(" left at zero)");
            }
        }
        return new Result(tr, te, desc.toString(), zero, b);
    }

    /** Root-mean-square Euclidean norm of the rows, or 1 when it is 0 (no rows, or all rows zero). */
    static double rmsNorm(double[][] x) {
        double s = 0;
        for (double[] row : x) {
            for (double v : row) {
                s += v * v;
            }
        }
        double rms = x.length == 0 ? 0 : Math.sqrt(s / x.length);
        return rms > 0 && Double.isFinite(rms) ? rms : 1;
    }

    private static double[][] appended(double[][] x, double b) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = java.util.Arrays.copyOf(x[i], x[i].length + 1);
            out[i][x[i].length] = b;
        }
        return out;
    }

    /** Column means of the rows (length d); all zeros when x is empty. */
    public static double[] mean(double[][] x) {
        int d = x.length == 0 ? 0 : x[0].length;
        double[] m = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                m[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            m[j] /= Math.max(1, x.length);
        }
        return m;
    }

    private static double[][] scaled(double[][] x, double scale, int d, String what) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException(what + " row " + i + " has " + x[i].length + " values, expected " + d);
            }
            out[i] = new double[d];
            for (int j = 0; j < d; j++) {
                out[i][j] = scale == 1 ? x[i][j] : x[i][j] / scale;
            }
        }
        return out;
    }

    private static void subtract(double[][] x, double[] mean) {
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] -= mean[j];
            }
        }
    }

    private static int normalize(double[][] x) {
        int zero = 0;
        for (double[] row : x) {
            double s = 0;
            for (double v : row) {
                s += v * v;
            }
            if (s == 0) {
                zero++;
                continue;
            }
            double inv = 1 / Math.sqrt(s);
            for (int j = 0; j < row.length; j++) {
                row[j] *= inv;
            }
        }
        return zero;
    }
}
