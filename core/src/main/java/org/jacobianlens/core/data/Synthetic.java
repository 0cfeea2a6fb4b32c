package org.jacobianlens.core.data;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Seeded synthetic classification data sets. Every generator is deterministic in its arguments and returns
 * {@link LabeledData} without image geometry. Except for {@code teacher}, row i has label i mod K, so classes are
 * balanced. Data sets are named {@code name} or {@code name:key=value,key=value}, e.g. {@code blobs:classes=4,dim=8}.
 */
public final class Synthetic {
    /** The synthetic data set names. */
    public static final List<String> NAMES = List.of("blobs", "spirals", "circles", "xor", "teacher");

    /** Valid parameter keys and their defaults, per generator (in display order). */
    private static final Map<String, Map<String, String>> DEFAULTS = Map.of(
            "blobs", ordered("classes", "3", "dim", "2", "spread", "0.3", "radius", "1"),
            "spirals", ordered("spread", "0.05", "turns", "1.5"),
            "circles", ordered("spread", "0.05", "factor", "0.5"),
            "xor", ordered("spread", "0.3"),
            "teacher", ordered("classes", "2", "dim", "10", "hidden", "16", "teacherSeed", "1"));

    private Synthetic() {
    }

    /** True if the text before any ':' is one of {@link #NAMES} (case-insensitive). */
    public static boolean isSynthetic(String dataset) {
        return NAMES.contains(baseName(dataset));
    }

    /**
     * True for the generators whose points lie in the plane by default — blobs, spirals, circles, xor — by name
     * (a parameter such as {@code blobs:dim=8} does not change the answer: these are the sets people picture in 2-D).
     */
    public static boolean isPlanar(String dataset) {
        return dataset != null && List.of("blobs", "spirals", "circles", "xor").contains(baseName(dataset));
    }

    /** The valid parameter keys of a generator with their defaults, as "key=default, …" (for help texts). */
    public static String defaults(String name) {
        Map<String, String> d = DEFAULTS.get(name);
        if (d == null) {
            throw new IllegalArgumentException("unknown synthetic data set '" + name + "'; valid names: " + NAMES);
        }
        StringBuilder sb = new StringBuilder();
        d.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return sb.toString();
    }

    /**
     * Number of classes the named (and parameterized) generator produces.
     *
     * @throws IllegalArgumentException as {@link #generate}
     */
    public static int numClasses(String dataset) {
        Map<String, String> p = params(dataset);
        return p.containsKey("classes") ? intParam(dataset, p, "classes", 2, 1000) : 2;
    }

    /**
     * Generates n examples of a named data set.
     *
     * @param dataset name with optional parameters, e.g. {@code teacher:dim=20,hidden=32}
     * @param n       number of rows, ≥ 0
     * @param seed    data seed (the teacher network has its own seed parameter {@code teacherSeed})
     * @return n × d rows (d = 2 except blobs and teacher) with labels in [0, K)
     * @throws IllegalArgumentException on an unknown name, an unknown key (the message lists the valid keys) or a
     *                                  bad value
     */
    public static LabeledData generate(String dataset, int n, long seed) {
        if (n < 0) {
            throw new IllegalArgumentException("number of examples must be at least 0, found " + n);
        }
        Map<String, String> p = params(dataset);
        String name = baseName(dataset);
        return switch (name) {
            case "blobs" -> blobs(n, intParam(dataset, p, "classes", 2, 1000), intParam(dataset, p, "dim", 1, 100_000),
                    doubleParam(dataset, p, "spread"), doubleParam(dataset, p, "radius"), seed);
            case "spirals" -> spirals(n, doubleParam(dataset, p, "spread"), doubleParam(dataset, p, "turns"), seed);
            case "circles" -> circles(n, doubleParam(dataset, p, "spread"), doubleParam(dataset, p, "factor"), seed);
            case "xor" -> xor(n, doubleParam(dataset, p, "spread"), seed);
            default -> teacher(n, intParam(dataset, p, "classes", 2, 1000), intParam(dataset, p, "dim", 1, 100_000),
                    intParam(dataset, p, "hidden", 1, 100_000), Long.parseLong(p.get("teacherSeed").trim()), seed);
        };
    }

    /**
     * Gaussian blobs: K class means drawn uniformly on the sphere of the given radius in d dimensions, each row
     * its class mean plus N(0, spread²·I) noise. Row i has label i mod K.
     */
    public static LabeledData blobs(int n, int classes, int dim, double spread, double radius, long seed) {
        Random rng = new Random(seed);
        double[][] means = new double[classes][dim];
        for (double[] m : means) {
            double norm = 0;
            while (norm == 0) {
                norm = 0;
                for (int j = 0; j < dim; j++) {
                    m[j] = rng.nextGaussian();
                    norm += m[j] * m[j];
                }
            }
            norm = Math.sqrt(norm);
            for (int j = 0; j < dim; j++) {
                m[j] *= radius / norm;
            }
        }
        double[][] x = new double[n][dim];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % classes;
            for (int j = 0; j < dim; j++) {
                x[i][j] = means[y[i]][j] + spread * rng.nextGaussian();
            }
        }
        return data("blobs(classes=" + classes + ", dim=" + dim + ", spread=" + spread + ", radius=" + radius
                + ", seed=" + seed + ")", x, y, classes);
    }

    /**
     * Two interleaved spirals in 2-D: radius t and angle 2π·turns·t (+π for class 1), t uniform in [0.05, 1],
     * plus N(0, spread²) noise per coordinate. Row i has label i mod 2.
     */
    public static LabeledData spirals(int n, double spread, double turns, long seed) {
        Random rng = new Random(seed);
        double[][] x = new double[n][2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            double t = 0.05 + 0.95 * rng.nextDouble();
            double a = 2 * Math.PI * turns * t + Math.PI * y[i];
            x[i][0] = t * Math.cos(a) + spread * rng.nextGaussian();
            x[i][1] = t * Math.sin(a) + spread * rng.nextGaussian();
        }
        return data("spirals(spread=" + spread + ", turns=" + turns + ", seed=" + seed + ")", x, y, 2);
    }

    /**
     * Concentric circles in 2-D: class 0 on the unit circle, class 1 on the circle of radius factor, uniform angle,
     * plus N(0, spread²) noise per coordinate. Row i has label i mod 2.
     */
    public static LabeledData circles(int n, double spread, double factor, long seed) {
        Random rng = new Random(seed);
        double[][] x = new double[n][2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            double r = y[i] == 0 ? 1 : factor;
            double a = 2 * Math.PI * rng.nextDouble();
            x[i][0] = r * Math.cos(a) + spread * rng.nextGaussian();
            x[i][1] = r * Math.sin(a) + spread * rng.nextGaussian();
        }
        return data("circles(spread=" + spread + ", factor=" + factor + ", seed=" + seed + ")", x, y, 2);
    }

    /**
     * XOR in 2-D: four Gaussian clusters (std spread) centred at (±1, ±1); class 0 at (1, 1) and (−1, −1), class 1
     * at (1, −1) and (−1, 1). Row i belongs to cluster i mod 4, so classes and clusters are balanced.
     */
    public static LabeledData xor(int n, double spread, long seed) {
        Random rng = new Random(seed);
        double[][] centres = {{1, 1}, {-1, -1}, {1, -1}, {-1, 1}};
        double[][] x = new double[n][2];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % 4;
            y[i] = c < 2 ? 0 : 1;
            x[i][0] = centres[c][0] + spread * rng.nextGaussian();
            x[i][1] = centres[c][1] + spread * rng.nextGaussian();
        }
        return data("xor(spread=" + spread + ", seed=" + seed + ")", x, y, 2);
    }

    /**
     * Teacher task: inputs N(0, I_d) (data seed); labels from a fixed random ReLU network
     * f(x) = W₂·relu(W₁x) + b (teacher seed; W₁ ~ N(0, 1/d), W₂ ~ N(0, 1/hidden)). With K = 2 it has one output and
     * the label is 1 when f(x) ≥ 0, with b the negated median of f on 2,000 reference inputs drawn from the teacher
     * seed (so classes are about balanced); with K &gt; 2 the label is the arg-max of K outputs, b the negated
     * reference means. The labels are an exact function of the inputs.
     */
    public static LabeledData teacher(int n, int classes, int dim, int hidden, long teacherSeed, long seed) {
        Random t = new Random(teacherSeed);
        int outs = classes == 2 ? 1 : classes;
        double[][] w1 = gaussian(t, hidden, dim, 1 / Math.sqrt(dim));
        double[][] w2 = gaussian(t, outs, hidden, 1 / Math.sqrt(hidden));
        int refN = 2000;
        double[][] ref = new double[refN][];
        for (int i = 0; i < refN; i++) {
            ref[i] = forward(w1, w2, gaussian(t, 1, dim, 1)[0]);
        }
        double[] bias = new double[outs];
        for (int k = 0; k < outs; k++) {
            double[] col = new double[refN];
            for (int i = 0; i < refN; i++) {
                col[i] = ref[i][k];
            }
            Arrays.sort(col);
            bias[k] = outs == 1 ? -(col[refN / 2 - 1] + col[refN / 2]) / 2 : -Arrays.stream(col).average().orElse(0);
        }
        Random rng = new Random(seed);
        double[][] x = gaussian(rng, n, dim, 1);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double[] f = forward(w1, w2, x[i]);
            for (int k = 0; k < outs; k++) {
                f[k] += bias[k];
            }
            y[i] = Targets.decode(f);
        }
        return data("teacher(classes=" + classes + ", dim=" + dim + ", hidden=" + hidden + ", teacherSeed="
                + teacherSeed + ", seed=" + seed + ")", x, y, classes);
    }

    private static double[] forward(double[][] w1, double[][] w2, double[] x) {
        double[] h = new double[w1.length];
        for (int a = 0; a < w1.length; a++) {
            double s = 0;
            for (int j = 0; j < x.length; j++) {
                s += w1[a][j] * x[j];
            }
            h[a] = Math.max(0, s);
        }
        double[] f = new double[w2.length];
        for (int k = 0; k < w2.length; k++) {
            for (int a = 0; a < h.length; a++) {
                f[k] += w2[k][a] * h[a];
            }
        }
        return f;
    }

    private static double[][] gaussian(Random rng, int rows, int cols, double std) {
        double[][] m = new double[rows][cols];
        for (double[] r : m) {
            for (int j = 0; j < cols; j++) {
                r[j] = std * rng.nextGaussian();
            }
        }
        return m;
    }

    private static LabeledData data(String source, double[][] x, int[] y, int classes) {
        String[] names = new String[classes];
        for (int k = 0; k < classes; k++) {
            names[k] = "class " + k;
        }
        return new LabeledData(source, x, y, classes, names, 0, 0, 0);
    }

    private static String baseName(String dataset) {
        int colon = dataset.indexOf(':');
        return (colon < 0 ? dataset : dataset.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
    }

    /** Parameters with defaults filled in; rejects unknown names and keys. */
    private static Map<String, String> params(String dataset) {
        String name = baseName(dataset);
        Map<String, String> defaults = DEFAULTS.get(name);
        if (defaults == null) {
            throw new IllegalArgumentException("unknown synthetic data set '" + name + "'; valid names: " + NAMES);
        }
        Map<String, String> p = new LinkedHashMap<>(defaults);
        int colon = dataset.indexOf(':');
        if (colon < 0 || dataset.substring(colon + 1).isBlank()) {
            return p;
        }
        for (String part : dataset.substring(colon + 1).split(",")) {
            int eq = part.indexOf('=');
            String key = eq < 0 ? part.trim() : part.substring(0, eq).trim();
            if (eq < 0 || !defaults.containsKey(key)) {
                throw new IllegalArgumentException("'" + dataset + "': " + (eq < 0 ? "expected key=value, found '"
                        + part.trim() + "'" : "unknown parameter '" + key + "'") + "; valid keys for " + name
                        + ": " + String.join(", ", defaults.keySet()));
            }
            p.put(key, part.substring(eq + 1).trim());
        }
        try {
            Long.parseLong(p.get("teacherSeed") == null ? "0" : p.get("teacherSeed").trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + dataset + "': teacherSeed must be an integer, found '"
                    + p.get("teacherSeed") + "'");
        }
        for (String key : List.of("spread", "radius", "turns", "factor")) {
            if (p.containsKey(key)) {
                doubleParam(dataset, p, key);
            }
        }
        return p;
    }

    private static int intParam(String dataset, Map<String, String> p, String key, int min, int max) {
        String v = p.get(key).trim();
        try {
            int i = Integer.parseInt(v);
            if (i >= min && i <= max) {
                return i;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + dataset + "': " + key + " must be an integer in " + min + "–" + max
                + ", found '" + v + "'");
    }

    private static double doubleParam(String dataset, Map<String, String> p, String key) {
        String v = p.get(key).trim();
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d) && d >= 0) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + dataset + "': " + key + " must be a finite number ≥ 0, found '" + v
                + "'");
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
