package org.jacobianlens.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help, version and usage errors of every command, through the same entry point as the jar's main. */
class CliTest {
    private static final List<String> COMMANDS = List.of("run", "sweep", "bench", "gui");

    record Result(int code, String out, String err) {
    }

    static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The version as the build wrote it, read independently of BuildInfo. */
    private static String builtVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = CliTest.class.getResourceAsStream("/org/jacobianlens/app/build/build.properties")) {
            p.load(in);
        }
        return p.getProperty("version");
    }

    @Test
    void everyCommandHasHelpThatExitsZeroWithoutDoingAnything() {
        for (String c : COMMANDS) {
            for (String flag : List.of("--help", "-h")) {
                Result r = cli(c, flag);
                assertEquals(0, r.code(), c + " " + flag + ": " + r.err());
                assertTrue(r.out().startsWith("Usage: jacobian-lens " + c), r.out());
                assertTrue(r.out().contains("--version"), r.out());
                assertEquals("", r.err(), c + " " + flag + " only prints help");
            }
        }
        Result top = cli("--help");
        assertEquals(0, top.code());
        for (String c : COMMANDS) {
            assertTrue(top.out().contains(c), top.out());
        }
        assertTrue(top.out().contains("3 diverged"), top.out());
        Result helpRun = cli("help", "run");
        assertEquals(0, helpRun.code());
        assertTrue(helpRun.out().startsWith("Usage: jacobian-lens run"), helpRun.out());
    }

    @Test
    void helpShowsTheDefaultsOfTheCode() {
        String run = cli("run", "--help").out();
        org.jacobianlens.core.run.RunConfig d = org.jacobianlens.core.run.RunConfig.defaults();
        assertTrue(run.contains("hidden width (default: " + d.width() + ")"), run);
        assertTrue(run.contains("training examples (default: " + d.data().nTrain() + ")"), run);
        assertTrue(run.contains("(default: auto)"), run);
        String sweep = cli("sweep", "--help").out();
        assertTrue(sweep.contains("(default: " + org.jacobianlens.core.sweep.SweepSpec.DEFAULT_TOP_K + ")"), sweep);
        assertTrue(sweep.contains("width 64,256,1024,4096"), sweep);
        assertTrue(sweep.contains("--dataset") && sweep.contains("--steps"), "the run options too: " + sweep);
    }

    @Test
    void everyCommandPrintsTheBuildsVersion() throws IOException {
        String version = builtVersion();
        assertTrue(version != null && !version.contains("${"), "filtered: " + version);
        for (String c : List.of("", "run", "sweep", "bench", "gui")) {
            Result r = c.isEmpty() ? cli("--version") : cli(c, "--version");
            assertEquals(0, r.code(), c);
            assertTrue(r.out().startsWith("jacobian-lens " + version + " "), r.out());
            assertTrue(r.out().contains("DL4J/ND4J ") && r.out().contains("OpenBLAS "), r.out());
        }
    }

    @Test
    void badUsageIsOneLineNamingTheProblemAndExitsTwo(@TempDir Path dir) {
        String out = dir.resolve("o").toString();
        record Case(String[] args, String expected) {
        }
        List<Case> cases = List.of(
                new Case(new String[] {"run", "--width", "--out", out}, "jacobian-lens run: --width needs a value"),
                new Case(new String[] {"run", "--out", out, "--width"}, "jacobian-lens run: --width needs a value"),
                new Case(new String[] {"run", "--n", "10"}, "jacobian-lens run: --out DIR is required"),
                new Case(new String[] {"run", "--bogus", "--out", out}, "jacobian-lens run: unknown option '--bogus'"),
                new Case(new String[] {"run", "--n", "many", "--out", out},
                        "jacobian-lens run: --n must be a whole number, found 'many'"),
                new Case(new String[] {"run", "--model", "cnn", "--out", out},
                        "jacobian-lens run: --model must be one of two-layer, mlp, found 'cnn'"),
                new Case(new String[] {"run", "--steps", "0", "--out", out}, "jacobian-lens run: --steps 0 without"),
                new Case(new String[] {"run", "--noise=1.5", "--out", out},
                        "jacobian-lens run: --noise must be in [0, 1], found 1.5"),
                new Case(new String[] {"run", "--lr", "fast", "--out", out}, "jacobian-lens run: --lr must be"),
                new Case(new String[] {"sweep", "--kind", "noise", "--width"}, "jacobian-lens sweep: --width needs"),
                new Case(new String[] {"sweep", "--out", out}, "jacobian-lens sweep: --kind noise|width is required"),
                new Case(new String[] {"bench", "--slow"}, "jacobian-lens bench: unknown option '--slow'"),
                new Case(new String[] {"bench", "extra"}, "jacobian-lens bench: unexpected argument 'extra'"),
                new Case(new String[] {"gui", "--measure-pulses"}, "jacobian-lens gui: --measure-pulses needs a value"),
                new Case(new String[] {"gui", "--measure-pulses=-1"}, "jacobian-lens gui: --measure-pulses must be"),
                new Case(new String[] {"gui", "--scenes=a"}, "jacobian-lens gui: --scenes needs --screenshots"),
                new Case(new String[] {"gui", "--bogus"}, "jacobian-lens gui: unknown option '--bogus'"),
                new Case(new String[] {"train"}, "jacobian-lens: unknown command 'train'"));
        for (Case c : cases) {
            Result r = cli(c.args());
            String what = String.join(" ", c.args());
            assertEquals(2, r.code(), what + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), what + ": " + r.err());
            assertTrue(r.err().startsWith(c.expected()), what + ": " + r.err());
            assertEquals("", r.out(), what);
        }
        assertTrue(Files.notExists(dir.resolve("o")), "nothing written for bad usage");
    }

    @Test
    void bothOptionFormsAreAccepted(@TempDir Path dir) {
        // The range check runs after parsing, so both spellings reach it with the same value.
        assertTrue(cli("run", "--width=0", "--out", dir.toString()).err().contains("--width must be at least 1"));
        assertTrue(cli("run", "--width", "0", "--out=" + dir).err().contains("--width must be at least 1"));
    }

    @Test
    void anUnusableOutIsRefusedBeforeAnyWorkWithTheReason(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("results.txt"), "not a folder");
        Path foreign = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        record Case(String out, String expected) {
        }
        for (Case c : List.of(new Case(file.toString(), "--out " + file + " is a file, not a folder"),
                new Case(file.resolve("run").toString(), "--out " + file.resolve("run") + " is under " + file),
                new Case("/proc/jacobian-lens", "--out /proc/jacobian-lens is on the system's virtual proc file system"),
                new Case(dir.resolve(".x.partial-1-0/run").toString(), "--out " + dir.resolve(".x.partial-1-0/run")
                        + " is inside "),
                new Case(foreign.toString(), "--out " + foreign + " already holds files that Jacobian Lens did not "
                        + "write"))) {
            for (String command : List.of("run", "sweep")) {
                // the default dataset and sizes: refused before Fashion-MNIST is loaded, so nothing waits on it
                Result r = command.equals("run") ? cli("run", "--out", c.out())
                        : cli("sweep", "--kind", "noise", "--out", c.out());
                assertEquals(2, r.code(), command + " " + c.out() + ": " + r.err());
                assertEquals(1, r.err().strip().lines().count(), r.err());
                assertTrue(r.err().startsWith("jacobian-lens " + command + ": " + c.expected()), r.err());
            }
        }
        assertEquals(List.of("notes.txt"), Files.list(foreign).map(p -> p.getFileName().toString()).toList());
    }
}
