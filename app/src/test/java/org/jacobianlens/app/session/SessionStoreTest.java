package org.jacobianlens.app.session;

import static org.jacobianlens.app.session.SessionFixtures.assertDeepEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jacobianlens.core.ntk.AnalysisFrame;
import org.jacobianlens.core.run.RunState;
import org.jacobianlens.core.run.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionStoreTest {
    /** A strict, standard JSON reader: the files must be plain JSON (NaN as a string). */
    private static final ObjectMapper PLAIN = new ObjectMapper();

    @Test
    void aSessionOfRealRunsRoundTripsExactly(@TempDir Path dir) throws Exception {
        SessionFixtures.assertRealRun(SessionFixtures.noisySnapshot());
        Session s = SessionFixtures.compareSession();
        // The clean run has no corrupted examples: its corrupted curves are NaN, which must survive.
        assertTrue(Double.isNaN(s.lanes().get(1).snapshot().curves().corruptedLoss()[0]));
        Path file = dir.resolve("work.lens.json");
        SessionStore.save(s, file);
        Session back = SessionStore.load(file);
        assertDeepEquals("session", s, back);
        assertEquals(RunState.FINISHED, back.lanes().get(0).snapshot().state());
        assertEquals(List.of("cutoff", "logSteps"), List.copyOf(back.view().keySet()).stream().sorted().toList());

        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)), "a saved session is readable by others, like any document");
        JsonNode tree = PLAIN.readTree(file.toFile());
        assertEquals(SessionStore.FORMAT, tree.get("format").asText());
        assertEquals(1, tree.get("formatVersion").asInt());
        assertEquals("NaN", tree.at("/lanes/1/snapshot/curves/corruptedLoss/0").asText());

        // Saving what was loaded gives the same bytes.
        Path again = dir.resolve("again.json");
        SessionStore.save(back, again);
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again));
    }

    @Test
    void randomDoublesAndLongIdsRoundTripBitForBit(@TempDir Path dir) throws Exception {
        Random rnd = new Random(20240601L);
        double[] v = new double[20_000];
        for (int i = 0; i < v.length; i++) {
            double x;
            do {
                x = switch (i % 4) {
                    case 0 -> Double.longBitsToDouble(rnd.nextLong());   // any bit pattern, all exponents
                    case 1 -> rnd.nextGaussian() * Math.pow(10, rnd.nextInt(40) - 20);
                    case 2 -> Double.longBitsToDouble(rnd.nextLong() & 0x000F_FFFF_FFFF_FFFFL); // subnormal
                    default -> rnd.nextDouble();
                };
            } while (Double.isNaN(x));
            v[i] = x;
        }
        double[] special = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL, 0.1, 1.0 / 3, Math.ulp(1.0)};
        System.arraycopy(special, 0, v, 0, special.length);
        Snapshot s = SessionFixtures.withTrainLoss(SessionFixtures.noisySnapshot(), v);
        Session session = Session.of(Session.SINGLE, null, null, Map.of(),
                List.of(new SessionLane("odd numbers", SessionFixtures.noisyConfig().withSeed(Long.MIN_VALUE), s)));
        Path file = dir.resolve("bits.json");
        SessionStore.save(session, file);
        Session back = SessionStore.load(file);

        double[] w = back.lanes().get(0).snapshot().curves().trainLoss();
        assertEquals(v.length, w.length);
        assertTrue(Double.isNaN(w[0]));
        for (int i = 1; i < v.length; i++) {
            assertEquals(Double.doubleToRawLongBits(v[i]), Double.doubleToRawLongBits(w[i]), "element " + i + ": " + v[i]);
        }
        assertEquals(Long.MAX_VALUE - 3, back.lanes().get(0).snapshot().runId());
        assertEquals(Long.MIN_VALUE, back.lanes().get(0).config().seed());
        assertDeepEquals("session", session, back);
    }

    @Test
    void aSettingsOnlySessionRoundTrips(@TempDir Path dir) throws Exception {
        Session s = SessionFixtures.compareSession().settingsOnly();
        assertFalse(s.hasResults());
        assertNull(s.recorded());
        Path file = dir.resolve("settings.json");
        SessionStore.save(s, file);
        Session back = SessionStore.load(file);
        assertDeepEquals("session", s, back);
        assertNull(back.lanes().get(0).snapshot());
        assertEquals(s.lanes().get(1).config(), back.lanes().get(1).config());
    }

    @Test
    void corruptFilesAreRefusedWithTheLine(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.json");
        SessionStore.save(SessionFixtures.compareSession(), good);
        byte[] bytes = Files.readAllBytes(good);

        Path truncated = write(dir, "truncated.json", Arrays.copyOf(bytes, bytes.length / 2));
        SessionException e = assertThrows(SessionException.class, () -> SessionStore.load(truncated));
        assertTrue(e.getMessage().startsWith("corrupt session file " + truncated + ": "), e.getMessage());
        long lines = new String(Arrays.copyOf(bytes, bytes.length / 2), StandardCharsets.UTF_8).lines().count();
        assertTrue(e.getMessage().endsWith(": the file ends at line " + lines + " before the JSON is complete "
                + "(truncated?)"), e.getMessage() + " (file has " + lines + " lines)");

        byte[] garbage = new byte[4000];
        new Random(7).nextBytes(garbage);
        garbage[0] = (byte) 0xC3; // never a valid start of JSON
        Path junk = write(dir, "junk.json", garbage);
        e = assertThrows(SessionException.class, () -> SessionStore.load(junk));
        assertTrue(e.getMessage().startsWith("corrupt session file " + junk + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(": line 1, column "), e.getMessage());

        for (String blank : new String[] {"", "  \n\n "}) {
            Path empty = write(dir, "empty.json", blank.getBytes(StandardCharsets.UTF_8));
            e = assertThrows(SessionException.class, () -> SessionStore.load(empty));
            assertEquals("corrupt session file " + empty + ": the file is empty", e.getMessage());
        }

        byte[] trailing = (new String(bytes, StandardCharsets.UTF_8) + "\n}garbage").getBytes(StandardCharsets.UTF_8);
        Path tail = write(dir, "tail.json", trailing);
        e = assertThrows(SessionException.class, () -> SessionStore.load(tail));
        assertTrue(e.getMessage().startsWith("corrupt session file " + tail), e.getMessage());

        Path array = write(dir, "array.json", "[1, 2]".getBytes(StandardCharsets.UTF_8));
        e = assertThrows(SessionException.class, () -> SessionStore.load(array));
        assertTrue(e.getMessage().contains("expected a JSON object"), e.getMessage());

        Path missing = dir.resolve("nope.json");
        e = assertThrows(SessionException.class, () -> SessionStore.load(missing));
        assertEquals("session file " + missing + " does not exist", e.getMessage());
    }

    @Test
    void versionsOutsideTheReadableRangeAreRefused(@TempDir Path dir) throws Exception {
        Path newer = edited(dir, "newer.json", t -> t.put("formatVersion", 7));
        SessionException e = assertThrows(SessionException.class, () -> SessionStore.load(newer));
        assertEquals(newer + " was saved by a newer Jacobian Lens (format 7); this version reads format 1",
                e.getMessage());

        Path zero = edited(dir, "zero.json", t -> t.put("formatVersion", 0));
        e = assertThrows(SessionException.class, () -> SessionStore.load(zero));
        assertEquals(zero + " has an invalid formatVersion 0; this version reads format 1", e.getMessage());

        for (Consumer<ObjectNode> bad : List.<Consumer<ObjectNode>>of(t -> t.remove("formatVersion"),
                t -> t.put("formatVersion", "1"), t -> t.put("formatVersion", 1.5))) {
            Path p = edited(dir, "noversion.json", bad);
            e = assertThrows(SessionException.class, () -> SessionStore.load(p));
            assertEquals(p + " has no valid formatVersion, so it cannot be read", e.getMessage());
        }

        Path run = write(dir, "run.json", "{\"format\": \"jacobian-lens-run\", \"version\": 1}".getBytes());
        e = assertThrows(SessionException.class, () -> SessionStore.load(run));
        assertEquals(run + " is not a Jacobian Lens session file (it is the summary of a command-line run)",
                e.getMessage());
    }

    @Test
    void missingOrInconsistentContentIsRefusedWithWhereItIs(@TempDir Path dir) throws Exception {
        Path noLanes = edited(dir, "nolanes.json", t -> t.remove("lanes"));
        SessionException e = assertThrows(SessionException.class, () -> SessionStore.load(noLanes));
        assertTrue(e.getMessage().matches(java.util.regex.Pattern.quote(noLanes + " is not a valid session: line ")
                + "\\d+: `lanes` is missing"), e.getMessage());

        Path emptyLanes = edited(dir, "emptylanes.json", t -> t.putArray("lanes"));
        e = assertThrows(SessionException.class, () -> SessionStore.load(emptyLanes));
        assertTrue(e.getMessage().startsWith(emptyLanes + " is not a valid session: line ")
                && e.getMessage().endsWith(": the session has no lanes"), e.getMessage());

        Path noCurves = edited(dir, "nocurves.json",
                t -> ((ObjectNode) t.at("/lanes/1/snapshot")).remove("curves"));
        e = assertThrows(SessionException.class, () -> SessionStore.load(noCurves));
        assertTrue(e.getMessage().contains("`curves` is missing (in lanes[1].snapshot)"), e.getMessage());

        Path shortArray = edited(dir, "short.json",
                t -> ((ArrayNode) t.at("/lanes/0/snapshot/frames/2/projClean")).remove(0));
        e = assertThrows(SessionException.class, () -> SessionStore.load(shortArray));
        assertEquals(shortArray + " is not a valid session: lane 1 ('50 % random labels'): frame 3: 120 eigenvalues "
                + "but 119 projClean", e.getMessage());

        Path badConfig = edited(dir, "badconfig.json", t -> ((ObjectNode) t.at("/lanes/0/config")).put("width", 0));
        e = assertThrows(SessionException.class, () -> SessionStore.load(badConfig));
        assertTrue(e.getMessage().contains("width must be at least 1, found 0"), e.getMessage());
        assertTrue(e.getMessage().contains("lanes[0].config"), e.getMessage());

        Path badMode = edited(dir, "badmode.json", t -> t.put("mode", "single"));
        e = assertThrows(SessionException.class, () -> SessionStore.load(badMode));
        assertTrue(e.getMessage().contains("a single-run session has exactly one lane, found 2"), e.getMessage());

        Path fraction = edited(dir, "fraction.json", t -> ((ObjectNode) t.at("/lanes/0/snapshot")).put("step", 2.5));
        e = assertThrows(SessionException.class, () -> SessionStore.load(fraction));
        assertTrue(e.getMessage().contains("`step` must be a whole number, found 2.5 (in lanes[0].snapshot)"),
                e.getMessage());

        Path nullState = edited(dir, "nullstate.json",
                t -> ((ObjectNode) t.at("/lanes/1/snapshot")).putNull("state"));
        e = assertThrows(SessionException.class, () -> SessionStore.load(nullState));
        assertEquals(nullState + " is not a valid session: lane 2 ('clean labels, \"quoted\"'): the run state is "
                + "missing", e.getMessage());
    }

    @Test
    void wrongTypesAreNamedInTheUsersTermsWithTheLine(@TempDir Path dir) throws Exception {
        Path words = edited(dir, "words.json", t -> ((ObjectNode) t.at("/lanes/0/config")).put("width", "many"));
        List<String> lines = Files.readAllLines(words);
        int line = 1 + lines.indexOf(lines.stream().filter(l -> l.contains("\"width\" : \"many\"")).findFirst()
                .orElseThrow());
        SessionException e = assertThrows(SessionException.class, () -> SessionStore.load(words));
        assertEquals(words + " is not a valid session: line " + line + ": `width` must be a whole number, found "
                + "\"many\" (in lanes[0].config)", e.getMessage());

        Path flag = edited(dir, "flag.json", t -> ((ObjectNode) t.at("/lanes/1/config")).put("theory", 3));
        e = assertThrows(SessionException.class, () -> SessionStore.load(flag));
        assertTrue(e.getMessage().contains("`theory` must be true or false"), e.getMessage());
        assertFalse(e.getMessage().contains("java.") || e.getMessage().contains("boolean"), e.getMessage());

        Path list = edited(dir, "list.json", t -> ((ObjectNode) t.at("/lanes/0/snapshot/frames/0")).put("eigenvalues", 1));
        e = assertThrows(SessionException.class, () -> SessionStore.load(list));
        assertTrue(e.getMessage().contains("must be a list"), e.getMessage());
    }

    @Test
    void anOversizedFileIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.json");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(210L << 20); // sparse: 210 MB long, no disk used, and never read
        }
        SessionException e = assertThrows(SessionException.class, () -> SessionStore.load(big));
        assertEquals(big + " is 210 MB; Jacobian Lens opens session files of up to 100 MB, so it was not read",
                e.getMessage());
    }

    @Test
    void aSessionFromBeforeTrainingPrecisionOpensAsTheDoublePrecisionRunItWas(@TempDir Path dir) throws Exception {
        // framesTaken is newer still (Snapshot): where this build's Snapshot has it, an old file lacks it too
        Path old = edited(dir, "old.json", t -> t.get("lanes").forEach(l -> {
            ((ObjectNode) l.get("config")).remove(List.of("precision", "analysisShare"));
            ((ObjectNode) l.get("snapshot")).remove("framesTaken");
        }));
        Session s = SessionStore.load(old);
        for (SessionLane l : s.lanes()) {
            assertEquals(org.jacobianlens.core.model.Precision.FLOAT64, l.config().precision());
            assertEquals(0.0, l.config().analysisShare());
        }
        Session current = SessionFixtures.compareSession();
        assertDeepEquals("recorded results", current.lanes().get(0).snapshot(), s.lanes().get(0).snapshot());
    }

    /**
     * A session saved before the Pinto term was the truncated network's opens: the truncation was not recorded
     * (NaN), and the old Pinto number, computed with the untruncated rank, is not shown under the new name; every
     * other bound and statistic is as saved.
     */
    @Test
    void aSessionFromBeforeTheTruncatedRankOpensWithoutItsPintoTerm(@TempDir Path dir) throws Exception {
        Path old = edited(dir, "old.json", t -> t.get("lanes").forEach(l -> l.at("/snapshot/weights").forEach(w -> {
            ((ObjectNode) w).remove(List.of("truncatedTrainAcc", "truncatedTestAcc"));
            ((ObjectNode) w.get("bounds")).remove(List.of("pintoGamma", "pintoMarginLoss"));
        })));
        Session s = SessionStore.load(old);
        Snapshot current = SessionFixtures.compareSession().lanes().get(0).snapshot();
        List<org.jacobianlens.core.run.WeightFrame> loaded = s.lanes().get(0).snapshot().weights();
        assertEquals(current.weights().size(), loaded.size());
        assertTrue(loaded.size() > 1, "the fixture records weight frames");
        for (int i = 0; i < loaded.size(); i++) {
            var was = current.weights().get(i);
            var w = loaded.get(i);
            assertTrue(Double.isNaN(w.truncatedTrainAcc()) && Double.isNaN(w.truncatedTestAcc()));
            assertTrue(Double.isNaN(w.bounds().pintoGamma()) && Double.isNaN(w.bounds().log10Pinto()));
            assertFalse(w.bounds().pintoDefined());
            assertEquals(was.bounds().gamma(), w.bounds().gamma(), 0);
            assertEquals(was.bounds().log10Golowich(), w.bounds().log10Golowich(), 0);
            assertDeepEquals("layers", was.layers(), w.layers());
        }
    }

    @Test
    void aSessionFromBeforeTheBiasInputOpensAsTheRunItWas(@TempDir Path dir) throws Exception {
        Path old = edited(dir, "old.json", t -> t.get("lanes").forEach(l ->
                ((ObjectNode) l.get("config").get("data")).remove("biasInput")));
        Session s = SessionStore.load(old);
        for (SessionLane l : s.lanes()) {
            assertFalse(l.config().data().biasInput(), "older versions appended nothing");
        }
        assertEquals(SessionFixtures.compareSession().lanes().get(0).config(), s.lanes().get(0).config());
    }

    @Test
    void aFailedSaveLeavesTheOldFileIntact(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keep.json");
        Session good = SessionFixtures.compareSession();
        SessionStore.save(good, file);
        byte[] before = Files.readAllBytes(file);

        // A frame whose arrays disagree could not be loaded back: saving it is refused before writing.
        Snapshot s = SessionFixtures.noisySnapshot();
        AnalysisFrame f = s.latestFrame();
        AnalysisFrame broken = new AnalysisFrame(f.step(), f.n(), f.eigenvalues(), f.projNoisy(),
                Arrays.copyOf(f.projClean(), 3), f.projResidual(), f.cumNoisy(), f.cumClean(), f.alignment(),
                f.centeredAlignment(), f.kernelDrift(), f.cutoffCount(), f.seconds());
        Snapshot bad = new Snapshot(s.runId(), s.step(), s.state(), s.message(), s.curves(), List.of(broken),
                s.theory(), s.info());
        Session badSession = Session.of(Session.SINGLE, null, null, Map.of(),
                List.of(new SessionLane("broken", SessionFixtures.noisyConfig(), bad)));
        SessionException e = assertThrows(SessionException.class, () -> SessionStore.save(badSession, file));
        assertTrue(e.getMessage().startsWith("cannot save session to " + file + ": lane 1 ('broken'): frame 1"),
                e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));

        // A writer that fails half way: the target keeps its old bytes and no temporary file is left behind.
        IOException io = assertThrows(IOException.class, () -> org.jacobianlens.app.files.AtomicFiles.write(file, out -> {
            out.write("{\"half\": ".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", io.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        assertDeepEquals("session", good, SessionStore.load(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }

        // A folder where the file should be: refused, nothing changed.
        Path blocker = Files.createFile(dir.resolve("not-a-folder"));
        e = assertThrows(SessionException.class, () -> SessionStore.save(good, blocker.resolve("x.json")));
        assertTrue(e.getMessage().startsWith("cannot save session to " + blocker.resolve("x.json")), e.getMessage());
        assertEquals(0, Files.size(blocker));
    }

    @Test
    void theRecordsRefuseImpossibleSessions() {
        SessionLane lane = new SessionLane("a", SessionFixtures.noisyConfig(), null);
        assertThrows(IllegalArgumentException.class, () -> Session.of("movie", null, null, Map.of(), List.of(lane)));
        assertThrows(IllegalArgumentException.class,
                () -> Session.of(Session.SINGLE, "depth", null, Map.of(), List.of(lane)));
        assertThrows(IllegalArgumentException.class, () -> Session.of(Session.COMPARE, "noise", null, Map.of(),
                List.of(lane)));
        assertThrows(IllegalArgumentException.class, () -> new Session(1, "x", "yesterday", Session.SINGLE, null,
                null, Map.of(), List.of(lane)));
        assertThrows(IllegalArgumentException.class, () -> new SessionLane("b", null, null));
        Session ok = new Session(1, "x", "2025-03-01T10:15:30+01:00", Session.SINGLE, null, null, Map.of(),
                List.of(lane));
        assertEquals(1, ok.lanes().size());
    }

    private static Path write(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /** A valid session file edited as a JSON tree. */
    private static Path edited(Path dir, String name, Consumer<ObjectNode> edit) throws Exception {
        Path file = dir.resolve(name);
        SessionStore.save(SessionFixtures.compareSession(), file);
        ObjectNode tree = (ObjectNode) PLAIN.readTree(file.toFile());
        edit.accept(tree);
        PLAIN.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), tree);
        return file;
    }
}
