package org.jacobianlens.app.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * What this build is: the program's version, the DL4J/ND4J and OpenBLAS versions it was built against and the JVM
 * flags every JVM that runs it should get. All come from the poms through Maven resource filtering
 * ({@code src/main/filtered/.../build.properties}), so no version is a literal in Java and the JVM flags are
 * defined once, as the root pom's {@code lens.jvm.args}.
 */
public final class BuildInfo {
    private static final String RESOURCE = "build.properties";
    private static final Properties PROPS = load();

    private BuildInfo() {
    }

    /** The program's version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return get("version");
    }

    /** The DL4J/ND4J version, e.g. {@code 1.0.0-M2.1}. */
    public static String dl4jVersion() {
        return get("dl4j.version");
    }

    /** The OpenBLAS version without javacpp's suffix, e.g. {@code 0.3.31} (of the artifact 0.3.31-1.5.13). */
    public static String openBlasVersion() {
        String v = get("openblas.version");
        int dash = v.indexOf('-');
        return dash < 0 ? v : v.substring(0, dash);
    }

    /** The javacpp version, e.g. {@code 1.5.13}. */
    public static String javacppVersion() {
        return get("javacpp.version");
    }

    /** The JVM flags of the root pom's {@code lens.jvm.args}, one per element, in order. */
    public static List<String> jvmArgs() {
        String v = get("jvm.args").strip();
        return v.isEmpty() ? List.of() : Arrays.asList(v.split("\\s+"));
    }

    /** One line for {@code --version}: the program and what it was built with. */
    public static String describe() {
        return "jacobian-lens " + version() + " (DL4J/ND4J " + dl4jVersion() + ", OpenBLAS " + openBlasVersion()
                + ", Java " + System.getProperty("java.version") + ")";
    }

    private static String get(String key) {
        String v = PROPS.getProperty(key);
        if (v == null || v.contains("${")) {
            // Only a build that skipped resource filtering gets here: say so instead of showing a placeholder.
            throw new IllegalStateException(RESOURCE + " lacks '" + key + "': rebuild with mvn package");
        }
        return v;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return p;
    }
}
