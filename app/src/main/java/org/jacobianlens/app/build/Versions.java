package org.jacobianlens.app.build;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.jacobianlens.core.model.Precision;

/**
 * The {@code versions} block of run.json and sweep.json: what produced the numbers.
 *
 * @param jacobianLens this program's version (from the build)
 * @param java         the Java runtime
 * @param dl4jNd4j     the DL4J/ND4J version (from the build)
 * @param openblas     the OpenBLAS version built against
 * @param precision    which arithmetic was used where
 * @param nativeLine   the native libraries as loaded (BLAS, kernels, threads), or null where not recorded
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Versions(String jacobianLens, String java, String dl4jNd4j, String openblas, String precision,
                       @JsonProperty("native") String nativeLine) {

    public Versions {
        if (jacobianLens == null || java == null || precision == null) {
            throw new IllegalArgumentException("versions need the program, Java and precision");
        }
    }

    /** This build's versions for a run trained in {@code training} precision. */
    public static Versions of(Precision training, String nativeLine) {
        return new Versions(BuildInfo.version(), System.getProperty("java.version"), BuildInfo.dl4jVersion(),
                BuildInfo.openBlasVersion(), "training " + training.name().toLowerCase(Locale.ROOT)
                        + "; data, Gram, eigendecomposition and theory float64", nativeLine);
    }
}
