package org.jacobianlens.app.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jacobianlens.app.files.AtomicFiles;
import org.jacobianlens.app.json.Json;
import org.jacobianlens.app.json.JsonProblem;
import org.jacobianlens.core.ntk.AnalysisFrame;
import org.jacobianlens.core.data.Targets;
import org.jacobianlens.core.run.Curves;
import org.jacobianlens.core.run.RunConfig;
import org.jacobianlens.core.run.RunInfo;
import org.jacobianlens.core.run.Snapshot;
import org.jacobianlens.core.theory.Theory;

/**
 * Saves and opens {@link Session}s as versioned JSON. Saving is atomic (a crash or error never leaves a damaged
 * file behind); opening validates everything before returning, so a session is either loaded completely or refused
 * with a one-sentence {@link SessionException}. Doubles round-trip bit for bit (shortest decimal form; NaN and
 * ±Infinity as the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}, which keeps the file valid JSON).
 */
public final class SessionStore {
    /** Value of the top-level {@code "format"} field that marks a session file. */
    public static final String FORMAT = "jacobian-lens-session";
    private static final String RUN_FORMAT = "jacobian-lens-run";
    /**
     * The largest session file opened. A session of the default run is a few MB and a long compare session at
     * n = 1000 some tens; reading is checked against this before a byte is read, so a wrong or runaway file is
     * refused with a message instead of filling the memory (a 210 MB file once took 5 GB).
     */
    public static final long MAX_BYTES = 100L << 20;

    private SessionStore() {
    }

    /**
     * Saves {@code session} to {@code file} atomically. A session that could not be loaded back (for example a
     * frame whose arrays disagree in length) is refused before anything is written.
     */
    public static void save(Session session, Path file) throws SessionException {
        try {
            validate(session);
        } catch (IllegalArgumentException e) {
            throw new SessionException("cannot save session to " + file + ": " + e.getMessage(), e);
        }
        try {
            byte[] json = toJson(session);
            AtomicFiles.write(file, json);
        } catch (IOException e) {
            throw new SessionException("cannot save session to " + file + ": " + reason(e), e);
        }
    }

    /** Opens a session file; throws with a one-sentence reason when the file is missing, corrupt or too new. */
    public static Session load(Path file) throws SessionException {
        if (Files.isDirectory(file)) {
            throw new SessionException(file + " is a folder, not a session file");
        }
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new SessionException(file + " is " + megabytes(size) + "; Jacobian Lens opens session files of"
                        + " up to " + megabytes(MAX_BYTES) + ", so it was not read");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new SessionException("session file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new SessionException("cannot read session file " + file + ": " + reason(e), e);
        }
        return fromJson(bytes, file.toString());
    }

    private static String megabytes(long bytes) {
        return (bytes + (1 << 19)) / (1 << 20) + " MB";
    }

    /** The JSON text of a session ({@code "format"} marker first, then the session's fields). */
    public static byte[] toJson(Session session) throws IOException {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.setAll((ObjectNode) Json.MAPPER.valueToTree(session));
        return Json.MAPPER.writeValueAsBytes(root);
    }

    /** Reads a session from JSON bytes; {@code name} names the source in messages. */
    public static Session fromJson(byte[] bytes, String name) throws SessionException {
        if (new String(bytes, StandardCharsets.ISO_8859_1).isBlank()) {
            throw new SessionException("corrupt session file " + name + ": the file is empty");
        }
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new SessionException("corrupt session file " + name + ": " + JsonProblem.describe(e, null, bytes.length), e);
        } catch (IOException e) {
            throw new SessionException("cannot read session file " + name + ": " + reason(e), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new SessionException("corrupt session file " + name + ": expected a JSON object at the top level");
        }
        String format = tree.path("format").asText("");
        if (!FORMAT.equals(format)) {
            throw new SessionException(name + " is not a Jacobian Lens session file"
                    + (RUN_FORMAT.equals(format) ? " (it is the summary of a command-line run)" : ""));
        }
        JsonNode version = tree.get("formatVersion");
        if (version == null || !version.canConvertToInt() || !version.isIntegralNumber()) {
            throw new SessionException(name + " has no valid formatVersion, so it cannot be read");
        }
        int v = version.intValue();
        if (v > Session.CURRENT_FORMAT) {
            throw new SessionException(name + " was saved by a newer Jacobian Lens (format " + v
                    + "); this version reads format " + Session.CURRENT_FORMAT);
        }
        if (v < 1) {
            throw new SessionException(name + " has an invalid formatVersion " + v + "; this version reads format "
                    + Session.CURRENT_FORMAT);
        }
        Session s;
        try {
            // An upgraded tree has lost its line numbers; a current file is read from its bytes to keep them.
            s = SessionUpgrade.upgrade((ObjectNode) tree) ? Json.MAPPER.treeToValue(tree, Session.class)
                    : Json.MAPPER.readValue(bytes, Session.class);
        } catch (JsonProcessingException e) {
            throw new SessionException(name + " is not a valid session: " + JsonProblem.describe(e, tree), e);
        } catch (IOException e) {
            throw new SessionException("cannot read session file " + name + ": " + reason(e), e);
        }
        try {
            validate(s);
        } catch (IllegalArgumentException e) {
            throw new SessionException(name + " is not a valid session: " + e.getMessage(), e);
        }
        return s;
    }

    /**
     * Checks what the records' constructors cannot: required values present, parallel arrays of equal length,
     * counts within range. Throws {@link IllegalArgumentException} naming the lane and the problem.
     */
    static void validate(Session s) {
        List<SessionLane> lanes = s.lanes();
        for (int i = 0; i < lanes.size(); i++) {
            SessionLane lane = lanes.get(i);
            String where = "lane " + (i + 1) + " ('" + lane.label() + "')";
            try {
                check(lane.config());
                if (lane.snapshot() != null) {
                    check(lane.snapshot());
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
    }

    private static void check(RunConfig c) {
        require(c.activation() != null && c.optimizer() != null && c.loss() != null,
                "the configuration lacks its activation, optimizer or loss");
    }

    private static void check(Snapshot s) {
        require(s.step() >= 0, "negative step " + s.step());
        require(s.state() != null, "the run state is missing");
        require(s.message() != null, "the status message is missing");
        require(s.curves() != null, "the curves are missing");
        require(s.info() != null, "the run facts (info) are missing");
        check(s.curves());
        check(s.info());
        int previous = Integer.MIN_VALUE;
        for (int f = 0; f < s.frames().size(); f++) {
            AnalysisFrame a = s.frames().get(f);
            try {
                check(a, Targets.outputs(s.info().numClasses()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("frame " + (f + 1) + ": " + e.getMessage(), e);
            }
            require(a.step() >= previous, "frame " + (f + 1) + " (step " + a.step() + ") comes before step " + previous);
            previous = a.step();
        }
        if (s.theory() != null) {
            check(s.theory());
        }
    }

    private static void check(Curves c) {
        require(c.steps() != null, "the curves have no steps");
        int n = c.steps().length;
        double[][] cols = {c.trainLoss(), c.testLoss(), c.trainAcc(), c.testAcc(), c.cleanLoss(), c.corruptedLoss(),
            c.cleanAcc(), c.corruptedAcc()};
        String[] names = {"trainLoss", "testLoss", "trainAcc", "testAcc", "cleanLoss", "corruptedLoss", "cleanAcc",
            "corruptedAcc"};
        for (int k = 0; k < cols.length; k++) {
            require(cols[k] != null, "the curves lack " + names[k]);
            require(cols[k].length == n, "the curves have " + n + " steps but " + cols[k].length + " " + names[k]);
        }
    }

    private static void check(RunInfo r) {
        require(r.dataset() != null && r.preprocessing() != null && r.model() != null,
                "the run facts lack the dataset, preprocessing or model description");
    }

    /**
     * A frame holds at most one eigenvalue per row of the kernel: n_a of them, n_a·K for the full kernel of K
     * outputs, fewer (the top k) past the dense limit.
     */
    private static void check(AnalysisFrame a, int outputs) {
        require(a.eigenvalues() != null, "no eigenvalues");
        int n = a.eigenvalues().length;
        require(n <= (long) a.n() * outputs, "n = " + a.n() + " examples but " + n + " eigenvalues");
        double[][] cols = {a.projNoisy(), a.projClean(), a.projResidual(), a.cumNoisy(), a.cumClean()};
        String[] names = {"projNoisy", "projClean", "projResidual", "cumNoisy", "cumClean"};
        for (int k = 0; k < cols.length; k++) {
            require(cols[k] != null, "no " + names[k]);
            require(cols[k].length == n, n + " eigenvalues but " + cols[k].length + " " + names[k]);
        }
        require(a.cutoffCount() >= 0 && a.cutoffCount() <= n,
                "cutoff count " + a.cutoffCount() + " outside 0.." + n);
    }

    private static void check(Theory t) {
        require(t.eigenvalues() != null && t.projNoisy() != null && t.projClean() != null
                && t.predictedSteps() != null && t.predictedLoss() != null, "the theory lacks an array");
        int n = t.eigenvalues().length;
        require(t.projNoisy().length == n && t.projClean().length == n,
                "the theory has " + n + " eigenvalues but " + t.projNoisy().length + " and " + t.projClean().length
                        + " projections");
        require(t.predictedSteps().length == t.predictedLoss().length, "the theory has "
                + t.predictedSteps().length + " predicted steps but " + t.predictedLoss().length + " losses");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
