package org.sitrep;

import org.sitrep.cli.AlertsWebhookCommand;
import org.sitrep.cli.BenchCommand;
import org.sitrep.cli.DemoCommand;
import org.sitrep.cli.DlqCommand;
import org.sitrep.cli.EvaluateCommand;
import org.sitrep.cli.IngestCommand;
import org.sitrep.cli.ProcessCommand;
import org.sitrep.cli.ReplayCommand;
import org.sitrep.cli.ResetCommand;
import org.sitrep.cli.RunCommand;
import org.sitrep.cli.SubscribeCommand;
import org.sitrep.cli.TopicsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code sitrep.jar}: parses the command line and runs one command. */
@Command(name = "sitrep", mixinStandardHelpOptions = true, version = "sitrep 0.1.0",
    description = "Streaming news-event pipeline: articles in, consolidated conflict incidents out.",
    subcommands = {DemoCommand.class, RunCommand.class, ProcessCommand.class, ReplayCommand.class, ResetCommand.class, TopicsCommand.class,
        SubscribeCommand.class, AlertsWebhookCommand.class, DlqCommand.class, IngestCommand.class, BenchCommand.class, EvaluateCommand.class,
        CommandLine.HelpCommand.class})
public final class App {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new App());
    }
}
