package org.jacobianlens.app.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.jacobianlens.app.files.OutputPaths;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --out DIR}: where a command writes its folder of results; checked before any work starts. */
public final class OutOption {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", required = true, order = 100, description = "folder to write (required); it appears complete or not at all, and a run it "
            + "replaces is kept as DIR.previous")
    Path out;

    /** The output folder, after checking (in well under a second) that it can be written. */
    public Path checked() {
        try {
            OutputPaths.check(out);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--out " + e.getMessage());
        }
        return out;
    }
}
