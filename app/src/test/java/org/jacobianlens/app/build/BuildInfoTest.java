package org.jacobianlens.app.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The build's facts against the poms they come from, and which JVM flags count as given. */
class BuildInfoTest {
    /** A property of the root pom, read from its text (surefire runs in the app module's folder). */
    private static String rootPomProperty(String name) throws IOException {
        String pom = Files.readString(Path.of("..", "pom.xml"));
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</" + Pattern.quote(name) + ">").matcher(pom);
        assertTrue(m.find(), name + " in the root pom");
        return m.group(1);
    }

    @Test
    void versionsAndFlagsAreThePoms() throws IOException {
        String pom = Files.readString(Path.of("..", "pom.xml"));
        Matcher v = Pattern.compile("<artifactId>jacobian-lens-parent</artifactId>\\s*<version>([^<]*)</version>")
                .matcher(pom);
        assertTrue(v.find());
        assertEquals(v.group(1), BuildInfo.version());
        assertEquals(rootPomProperty("dl4j.version"), BuildInfo.dl4jVersion());
        assertTrue(rootPomProperty("openblas.version").startsWith(BuildInfo.openBlasVersion() + "-"));
        assertEquals(List.of(rootPomProperty("lens.jvm.args").trim().split("\\s+")), BuildInfo.jvmArgs());
        assertTrue(BuildInfo.describe().startsWith("jacobian-lens " + BuildInfo.version() + " (DL4J/ND4J "));
    }

    @Test
    void onlyTheFlagsNeitherGivenNorSetAreMissing() {
        List<String> wanted = List.of("-Xmx4g", "-Dorg.bytedeco.javacpp.maxbytes=6G", "-XX:+UseG1GC",
                "-XX:MaxRAM=8g");
        Properties props = new Properties();
        assertEquals(wanted, JvmFlags.missing(wanted, List.of(), props));
        props.setProperty("org.bytedeco.javacpp.maxbytes", "1G");
        assertEquals(List.of("-XX:+UseG1GC", "-XX:MaxRAM=8g"),
                JvmFlags.missing(wanted, List.of("-Xmx1g", "-Dother=1"), props), "the user's -Xmx1g wins");
        assertEquals(List.of("-Xmx4g"), JvmFlags.missing(wanted, List.of("-XX:-UseG1GC", "-XX:MaxRAM=2g"), props),
                "a switched-off option is still the user's choice");
        assertEquals("-Xss", JvmFlags.option("-Xss512k"));
    }
}
