package org.jacobianlens.app.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jacobianlens.core.model.MlpSpec;
import org.jacobianlens.core.model.Precision;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.sweep.SweepSpec;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How option values are read: numbers with messages a user understands ("must be a whole number, found 'many'"),
 * enums by their kebab-case names ({@code two-layer}, {@code cross-entropy}), and {@code --lr auto}.
 */
final class Converters {
    /** What {@code --lr} says for the automatic learning rate (stored as 0 in {@link RunConfig}). */
    static final String AUTO = "auto";

    private Converters() {
    }

    /** Registers every converter on {@code cl} (and, picocli's rule, on the subcommands already added). */
    static void register(CommandLine cl) {
        ITypeConverter<Integer> whole = s -> {
            try {
                return Integer.valueOf(s.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("must be a whole number, found '" + s + "'");
            }
        };
        ITypeConverter<Long> wholeLong = s -> {
            try {
                return Long.valueOf(s.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("must be a whole number, found '" + s + "'");
            }
        };
        cl.registerConverter(Integer.class, whole).registerConverter(Integer.TYPE, whole)
                .registerConverter(Long.class, wholeLong).registerConverter(Long.TYPE, wholeLong)
                .registerConverter(Double.class, Converters::number).registerConverter(Double.TYPE, Converters::number);
        enumConverter(cl, RunConfig.ModelKind.class);
        enumConverter(cl, MlpSpec.Activation.class);
        enumConverter(cl, MlpSpec.Optimizer.class);
        enumConverter(cl, MlpSpec.Loss.class);
        enumConverter(cl, Precision.class);
        enumConverter(cl, SweepSpec.Kind.class);
    }

    /** A finite decimal number. */
    static Double number(String s) {
        try {
            double d = Double.parseDouble(s.strip());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TypeConversionException("must be a number, found '" + s + "'");
    }

    /** The command-line name of an enum constant: {@code TWO_LAYER} → {@code two-layer}. */
    static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static <E extends Enum<E>> void enumConverter(CommandLine cl, Class<E> type) {
        cl.registerConverter(type, s -> {
            for (E e : type.getEnumConstants()) {
                if (name(e).equalsIgnoreCase(s.strip())) {
                    return e;
                }
            }
            throw new TypeConversionException("must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Converters::name).collect(Collectors.joining(", ")) + ", found '" + s + "'");
        });
    }
}
