package org.jacobianlens.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

import org.jacobianlens.app.files.OutputFolder;
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

    /**
     * The output folder, opened for writing as one set (checked, locked, its temporary folder made) in well
     * under a second; a usage error with the reason when it cannot be.
     */
    public OutputFolder open(PrintStream notes) {
        try {
            return OutputFolder.open(out, notes);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--out " + e.getMessage(), e);
        }
    }
}
