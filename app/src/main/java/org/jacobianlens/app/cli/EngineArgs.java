package org.jacobianlens.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.jacobianlens.app.build.BuildInfo;
import org.jacobianlens.app.plan.EngineOptions;
import picocli.CommandLine.Option;

/** {@code sweep --plan}'s per-task requests for the engine files (Slurm and Kubernetes), as a picocli mixin. */
public final class EngineArgs {
    @Option(names = "--parallel", paramLabel = "P", order = 30,
            description = "with --plan: tasks at once (Slurm %%P, Job parallelism; default: ${DEFAULT-VALUE})",
            defaultValue = "16")
    int parallel;

    @Option(names = "--cpus-per-task", paramLabel = "C", order = 31,
            description = "with --plan: CPUs per task (default: ${DEFAULT-VALUE})", defaultValue = "1")
    int cpus;

    @Option(names = "--mem-gb", paramLabel = "G", order = 32,
            description = "with --plan: memory per task in GiB (default: ${DEFAULT-VALUE})", defaultValue = "4")
    int memoryGb;

    @Option(names = "--time-minutes", paramLabel = "MIN", order = 33,
            description = "with --plan: wall-time limit per task (default: ${DEFAULT-VALUE})", defaultValue = "60")
    int minutes;

    @Option(names = "--launcher", paramLabel = "CMD", order = 34, description = "with --plan: the command that "
            + "starts this program on a Slurm node (default: this launcher or java -jar of this jar)")
    String launcher;

    @Option(names = "--image", paramLabel = "IMAGE", order = 35,
            description = "with --plan: container image of the Kubernetes Job (default: jacobian-lens:VERSION)")
    String image;

    @Option(names = "--volume-claim", paramLabel = "NAME", order = 36, description = "with --plan: the "
            + "PersistentVolumeClaim holding the plan folder, mounted at its path (default: ${DEFAULT-VALUE})",
            defaultValue = "jacobian-lens-sweeps")
    String volumeClaim;

    /** The requests; an IllegalArgumentException names a bad one. */
    EngineOptions options() {
        return new EngineOptions(parallel, cpus, memoryGb, minutes, launcher == null ? defaultLauncher() : launcher,
                image == null ? "jacobian-lens:" + BuildInfo.version() : image, volumeClaim);
    }

    /**
     * The repository's {@code jacobian-lens} launcher next to this program's jar or classes (it sets the native
     * settings and JVM flags), else {@code java FLAGS -jar JAR} or {@code java FLAGS -cp CLASSPATH MAIN}.
     */
    static String defaultLauncher() {
        Path here;
        try {
            here = Path.of(EngineArgs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            here = null;
        }
        if (here != null && here.getParent() != null && here.getParent().getParent() != null
                && here.getParent().getParent().getParent() != null) {
            Path script = here.getParent().getParent().getParent().resolve("jacobian-lens"); // root/app/target/x
            if (Files.isExecutable(script)) {
                return script.toAbsolutePath().toString();
            }
        }
        List<String> words = new ArrayList<>();
        words.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        words.addAll(BuildInfo.jvmArgs());
        if (here != null && here.toString().endsWith(".jar")) {
            words.add("-jar");
            words.add(here.toString());
        } else {
            words.add("-cp");
            words.add(System.getProperty("java.class.path").replace(" ", "\\ "));
            words.add("org.jacobianlens.app.Main");
        }
        return String.join(" ", words);
    }
}
