package org.jacobianlens.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The built jar, started the way the issue documents ({@code java -jar app/target/jacobian-lens.jar run …}) from
 * an environment without the native settings: it must relaunch itself with them, pass the native self-check
 * (else it exits 1), train, and record those settings in run.json.
 */
class LaunchIT {
    @Test
    void bareJavaJarRelaunchesWithTheNativeSettingsAndRecordsThem(@TempDir Path out) throws Exception {
        Path jar = Path.of("..", "app", "target", "jacobian-lens.jar").toAbsolutePath().normalize();
        assertTrue(Files.isRegularFile(jar), "built by the app module's package phase: " + jar);
        ProcessBuilder pb = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-jar", jar.toString(),
                "run", "--dataset", "xor", "--n", "40", "--test", "10", "--width", "16", "--steps", "5",
                "--out", out.toString())).redirectErrorStream(true);
        pb.environment().keySet().removeAll(List.of("OMP_NUM_THREADS", "OMP_WAIT_POLICY"));
        Process p = pb.start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "run did not finish");
        assertEquals(0, p.exitValue(), log);
        JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        String nativeLine = run.path("versions").path("native").asText();
        assertTrue(nativeLine.startsWith("OpenBLAS 0.3.31") && nativeLine.contains("OMP_NUM_THREADS=1"),
                nativeLine);
    }
}
