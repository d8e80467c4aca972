package org.sitrep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

import org.sitrep.config.ConfigLoader;
import picocli.CommandLine.Option;

/**
 * The options of a command that runs the whole pipeline once over a feed on an embedded broker and registry
 * ({@code process}, {@code evaluate}): the input, the longest wait, and whether the embedded servers log.
 */
final class EmbeddedRunOptions {
    @Option(names = "--input", required = true, paramLabel = "PATH",
        description = "Articles: a JSON Lines, RSS or Atom file (.gz too) or a directory of them; the format is read from the content.")
    Path input;

    @Option(names = "--timeout", defaultValue = "10m", paramLabel = "DURATION",
        description = "Longest wait for the pipeline to finish (default ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--verbose", description = "Show broker, registry and client logs.")
    boolean verbose;

    /** Runs the pipeline over {@link #input} with {@code pipeline}'s settings (logging set by {@link #verbose}). */
    ProcessCommand.Run run(PipelineOptions pipeline, PrintWriter console) throws IOException {
        return ProcessCommand.run(pipeline, input, ConfigLoader.parseDuration(timeout), verbose, console);
    }
}
