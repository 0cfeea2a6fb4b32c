package org.jacobianlens.app.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jacobianlens.core.data.DatasetSpec;
import org.jacobianlens.core.model.MlpSpec;
import org.jacobianlens.core.model.Precision;
import org.jacobianlens.core.run.RunConfig;

/** Parses {@code run} options into a {@link RunConfig} and an output folder. */
public final class RunOptions {

    static final String HELP = String.join("\n",
            "usage: jacobian-lens run [options] --out DIR",
            "  --dataset NAME|PATH   fashion-mnist (default), digits, fashion-mnist-full, blobs, spirals, circles, xor,",
            "                        teacher (e.g. blobs:classes=4,dim=8), or an IDX/CIFAR/CSV file or folder",
            "  --classes 0,1         classes to keep (two classes => labels -1/+1, first is -1); default all",
            "  --n N                 training examples (default 500)      --test N   test examples (default 500)",
            "  --noise P             label noise in [0,1] (default 0)     --center   subtract the training mean",
            "  --no-unit-norm        keep row norms (default: rows scaled to unit norm)",
            "  --model two-layer|mlp (default two-layer)                  --width M  hidden width (default 1024)",
            "  --depth L             MLP hidden layers (default 2)        --kappa K  two-layer init scale (default 1)",
            "  --activation relu|tanh|sigmoid|identity                    --optimizer sgd|momentum|adam",
            "  --loss squared|cross-entropy   --batch B (0 = full batch)  --lr ETA|auto (default auto)",
            "  --steps S (default 2000)       --target-loss L             --analyze-every E (default 50)",
            "  --analyze-n N (default 500)    --cutoff F (default 0.1: sigma >= F*sigma_1 is information space)",
            "  --precision float32|float64    training arithmetic (default float32; kernels and theory are double)",
            "  --no-theory                    --seed S (default 1)        --out DIR (required)");

    private RunOptions() {
    }

    /**
     * Parsed command line.
     *
     * @param options every option given, by name without the dashes (flags map to "true"), for commands that
     *                accept options of their own on top of the run options
     */
    public record Parsed(RunConfig config, Path out, Map<String, String> options) {
        public Parsed {
            options = Map.copyOf(options);
        }

        public Parsed(RunConfig config, Path out) {
            this(config, out, Map.of());
        }
    }

    public static Parsed parse(String[] args) throws UsageException {
        return parse(args, Set.of());
    }

    /**
     * Parses the run options plus the valued options named in {@code extra}, which are only collected (into
     * {@link Parsed#options()}) for the calling command to interpret.
     */
    static Parsed parse(String[] args, Set<String> extra) throws UsageException {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new UsageException("unexpected argument '" + a + "' (options start with --; see --help)");
            }
            String key = a.substring(2);
            if (key.equals("center") || key.equals("no-unit-norm") || key.equals("no-theory")) {
                o.put(key, "true");
                continue;
            }
            if (!KNOWN.contains("|" + key + "|") && !extra.contains(key)) {
                throw new UsageException("unknown option --" + key + " (see --help)");
            }
            if (i + 1 >= args.length) {
                throw new UsageException("option --" + key + " needs a value");
            }
            o.put(key, args[++i]);
        }
        if (!o.containsKey("out")) {
            throw new UsageException("--out DIR is required");
        }
        long seed = longOpt(o, "seed", 1);
        DatasetSpec data;
        try {
            data = new DatasetSpec(o.getOrDefault("dataset", "fashion-mnist"), classes(o.get("classes")),
                    intOpt(o, "n", 500), intOpt(o, "test", 500), doubleOpt(o, "noise", 0.0),
                    o.containsKey("center"), !o.containsKey("no-unit-norm"), seed);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        String lr = o.getOrDefault("lr", "auto");
        try {
            RunConfig c = new RunConfig(data, model(o.getOrDefault("model", "two-layer")), intOpt(o, "width", 1024),
                    intOpt(o, "depth", 2), doubleOpt(o, "kappa", 1.0),
                    lr.equals("auto") ? 0.0 : doubleOpt(o, "lr", 0.0),
                    enumOpt(MlpSpec.Activation.class, o, "activation", "relu"),
                    enumOpt(MlpSpec.Optimizer.class, o, "optimizer", "sgd"),
                    enumOpt(MlpSpec.Loss.class, o, "loss", "squared"), intOpt(o, "batch", 0),
                    intOpt(o, "steps", 2000), doubleOpt(o, "target-loss", 0.0), intOpt(o, "analyze-every", 50),
                    intOpt(o, "analyze-n", 500), doubleOpt(o, "cutoff", 0.1), !o.containsKey("no-theory"), seed,
                    enumOpt(Precision.class, o, "precision", "float32"), 0.0);
            return new Parsed(c, Path.of(o.get("out")), o);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static final String KNOWN = "|dataset|classes|n|test|noise|model|width|depth|kappa|lr|steps|analyze-every"
            + "|analyze-n|seed|out|activation|optimizer|loss|batch|target-loss|cutoff|precision|";

    private static RunConfig.ModelKind model(String s) throws UsageException {
        return switch (s) {
            case "two-layer" -> RunConfig.ModelKind.TWO_LAYER;
            case "mlp" -> RunConfig.ModelKind.MLP;
            default -> throw new UsageException("--model must be two-layer or mlp, found '" + s + "'");
        };
    }

    private static int[] classes(String s) throws UsageException {
        if (s == null) {
            return null;
        }
        try {
            int[] c = Arrays.stream(s.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
            if (c.length < 2) {
                throw new UsageException("--classes needs at least two classes, found '" + s + "'");
            }
            return c;
        } catch (NumberFormatException e) {
            throw new UsageException("--classes must be comma-separated class numbers such as 0,1, found '" + s + "'");
        }
    }

    private static <E extends Enum<E>> E enumOpt(Class<E> type, Map<String, String> o, String key, String def)
            throws UsageException {
        String v = o.getOrDefault(key, def);
        try {
            return Enum.valueOf(type, v.toUpperCase().replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + key + " must be one of "
                    + Arrays.toString(type.getEnumConstants()).toLowerCase().replace('_', '-') + ", found '" + v + "'");
        }
    }

    static int intOpt(Map<String, String> o, String key, int def) throws UsageException {
        String v = o.get(key);
        try {
            return v == null ? def : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + key + " must be a whole number, found '" + v + "'");
        }
    }

    private static long longOpt(Map<String, String> o, String key, long def) throws UsageException {
        String v = o.get(key);
        try {
            return v == null ? def : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + key + " must be a whole number, found '" + v + "'");
        }
    }

    static double doubleOpt(Map<String, String> o, String key, double def) throws UsageException {
        String v = o.get(key);
        try {
            double d = v == null ? def : Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + key + " must be a number, found '" + v + "'");
        }
    }
}
