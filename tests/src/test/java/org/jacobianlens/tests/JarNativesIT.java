package org.jacobianlens.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jacobianlens.app.build.BuildInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar carries every native library the app loads, and compare mode starts from it. A library missing
 * from the jar shows only when the program reaches the code that loads it, and a copy that an earlier jar left in
 * javacpp's or JavaFX's cache (~/.javacpp/cache, ~/.openjfx/cache) hides the gap on the machine that built it.
 * So this starts the real jar as a user does, with both caches empty, in compare mode (clean against random labels,
 * two lanes) in the real window on a virtual display (the JavaFX natives load only with a window; {@code xvfb-run},
 * which .ci/run installs), and checks that both lanes trained and were analysed (Gram matrices and their
 * eigendecompositions through LAPACK). OpenBLAS and ND4J load at start ({@code NativeLibraries}), so a missing one
 * ends the program there with one line; a missing JavaFX library ends it when the window opens; ARPACK loads past
 * the dense limit only, which a second, headless case reaches.
 *
 * <p>An empty cache is also the first start after an install or a rebuild, when javacpp extracts 330 MB under an
 * interruptible file lock: compare mode restarts the run at once, and that interrupt once broke ND4J for the rest
 * of the session ("Could not initialize class org.nd4j.linalg.factory.Nd4j"); this is the path that hit it.
 */
class JarNativesIT {
    /** The built jar, or another one to check ({@code mvn verify -Djacobianlens.it.jar=/path/to/trimmed.jar}). */
    private static final Path JAR = Path.of(System.getProperty("jacobianlens.it.jar", "../app/target/jacobian-lens.jar"))
            .toAbsolutePath().normalize();
    /** Long enough for a few analysis frames per lane on a busy 2-core machine (0.8/s measured at load 6). */
    private static final int MEASURED_SECONDS = 8;

    @Test
    void compareModeTrainsAndAnalysesBothLanesWithEveryNativeFromTheJar(@TempDir Path dir) throws Exception {
        String out = runJar(dir, List.of("xvfb-run", "--auto-servernum", "--server-args", "-screen 0 1920x1080x24"),
                List.of("gui", "--fresh", "--config-dir", dir.resolve("config").toString(),
                        "--measure-live=" + MEASURED_SECONDS, "--compare"));
        assertTrue(out.contains(", 2 lane(s), "), "compare mode trains two lanes:\n" + out);
        assertTrue(rate(out, "steps/s") > 0, "both lanes trained:\n" + out);
        assertTrue(rate(out, "analysis frames/s") > 0, "analysis frames were taken:\n" + out);
    }

    /** ARPACK loads only past the dense limit (2,000 analysed examples), which the window's default never reaches. */
    @Test
    void analysisPastTheDenseLimitRunsArpackFromTheJar(@TempDir Path dir) throws Exception {
        Path run = dir.resolve("run");
        String out = runJar(dir, List.of(), List.of("run", "--dataset", "xor", "--n", "2001", "--test", "10",
                "--width", "16", "--steps", "1", "--analyze-n", "2001", "--eigenpairs", "5", "--no-theory",
                "--out", run.toString()));
        Map<String, Long> perFrame = Files.readAllLines(run.resolve("spectrum.csv")).stream().skip(1)
                .collect(Collectors.groupingBy(row -> row.substring(0, row.indexOf(',')), Collectors.counting()));
        assertTrue(!perFrame.isEmpty(), out);
        perFrame.forEach((step, rows) -> assertEquals(5, rows,
                "the top 5 of 2,001 eigenvalues (ARPACK), not all of them (LAPACK), at step " + step));
    }

    /**
     * Runs the jar after {@code prefix} (a wrapper such as xvfb-run, or nothing) with the build's JVM flags and empty
     * native caches in {@code dir}; its output, once it exited 0.
     */
    private static String runJar(Path dir, List<String> prefix, List<String> args) throws Exception {
        assertTrue(Files.isRegularFile(JAR), "built by the app module's package phase: " + JAR);
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(BuildInfo.jvmArgs());
        // javacpp and JavaFX take their libraries from copies of this jar's in empty folders, never from older copies
        cmd.addAll(List.of("-Dorg.bytedeco.javacpp.cachedir=" + dir.resolve("javacpp-cache"),
                "-Djavafx.cachedir=" + dir.resolve("openjfx-cache"), "-jar", JAR.toString()));
        cmd.addAll(args);
        Path log = dir.resolve("log.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError("could not start " + cmd.get(0) + " (xvfb-run: apt-get install -y xvfb xauth)", e);
        }
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("not finished within 300 s:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    /** The number on the report line that starts with {@code name}; fails when there is none. */
    private static double rate(String out, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " ([0-9.]+)").matcher(out);
        assertTrue(m.find(), "no '" + name + "' line (the measurement did not finish):\n" + out);
        return Double.parseDouble(m.group(1));
    }
}
