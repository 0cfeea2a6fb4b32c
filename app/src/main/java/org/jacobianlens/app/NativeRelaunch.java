package org.jacobianlens.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jacobianlens.app.build.BuildInfo;
import org.jacobianlens.app.build.JvmFlags;
import org.jacobianlens.core.linalg.NativeSettings;

/**
 * Makes every way of starting the program ({@code ./jacobian-lens}, {@code java -jar}, {@code mvn javafx:run})
 * run with the native settings of {@link NativeSettings} and the build's JVM flags ({@link BuildInfo#jvmArgs()},
 * the root pom's {@code lens.jvm.args}): the native libraries read their environment once, when they load, and heap
 * and off-heap limits are fixed at JVM start, so a JVM that lacks any of them re-runs its own command line with
 * them added and waits. Flags the user gave (say {@code -Xmx1g}) are kept, never overridden.
 *
 * <p>Every JVM that goes on to compute then runs {@code SelfCheck} (see {@code Cli}).
 *
 * <p>The child replays this JVM's exact command line ({@link ProcessHandle.Info#arguments()}), with a marker
 * property so it never relaunches again; its exit code becomes ours. Where the command line cannot be read the
 * program runs as it is, after a one-line hint.
 *
 * <p>The installed program (jpackage, {@code .deb}) starts its JVM inside a native launcher whose command line holds
 * only the program's arguments, and the JVM flags come from the package ({@code --java-options}). There the child is
 * the launcher again, with the native settings in its environment and the marker as an environment variable.
 */
final class NativeRelaunch {
    static final String MARKER = "jacobianlens.relaunched";
    static final String MARKER_ENV = "JACOBIANLENS_RELAUNCHED";
    /** Set by jpackage's launcher to the installed program's executable. */
    static final String APP_PATH = "jpackage.app-path";

    private NativeRelaunch() {
    }

    /** The child's exit code if this JVM relaunched itself, else empty (carry on in this JVM). */
    static Optional<Integer> ifNeeded() {
        if (System.getProperty(MARKER) != null || System.getenv(MARKER_ENV) != null) {
            return Optional.empty();
        }
        Map<String, String> add = NativeSettings.missing(System.getenv());
        List<String> flags = JvmFlags.missing(BuildInfo.jvmArgs(),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), System.getProperties());
        if (add.isEmpty() && flags.isEmpty()) {
            return Optional.empty();
        }
        ProcessHandle.Info info = ProcessHandle.current().info();
        String appPath = System.getProperty(APP_PATH);
        if (appPath != null) {
            return launcherRelaunch(appPath, info.arguments().orElse(new String[0]), add, flags);
        }
        Optional<String> java = info.command();
        Optional<String[]> args = info.arguments();
        if (java.isEmpty() || args.isEmpty()) {
            System.err.println("jacobian-lens: set " + add + " and start java with " + flags
                    + " for full speed (could not relaunch with them)");
            return Optional.empty();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java.get());
        cmd.add("-D" + MARKER + "=true");
        cmd.addAll(flags); // before the replayed arguments, so nothing of the user's is displaced
        cmd.addAll(Arrays.asList(args.get()));
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().putAll(add);
        return runChild(pb, add, flags);
    }

    /** Relaunch of the installed program: only the environment can be added; missing JVM flags get a hint. */
    private static Optional<Integer> launcherRelaunch(String appPath, String[] args, Map<String, String> add,
            List<String> flags) {
        if (!flags.isEmpty()) {
            System.err.println("jacobian-lens: the installed program runs without " + flags
                    + " (set them in its .cfg file for full speed)");
        }
        if (add.isEmpty()) {
            return Optional.empty();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(appPath);
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().putAll(add);
        pb.environment().put(MARKER_ENV, "true");
        return runChild(pb, add, List.of());
    }

    private static Optional<Integer> runChild(ProcessBuilder pb, Map<String, String> add, List<String> flags) {
        try {
            Process child = pb.start();
            Thread stop = new Thread(child::destroy, "jacobian-lens-relaunch-stop");
            Runtime.getRuntime().addShutdownHook(stop);
            int code = child.waitFor();
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
            return Optional.of(code);
        } catch (IOException e) {
            System.err.println("jacobian-lens: could not relaunch with " + add + " " + flags + " ("
                    + e.getMessage() + "); running without them");
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(130);
        }
    }
}
