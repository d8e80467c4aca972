package org.sitrep.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/** Keeps broker, registry and client logs quiet unless {@code --verbose}. */
final class Logging {
    private Logging() {
    }

    /** For the long-running service: Kafka's warnings (authentication, fencing, missing topics) stay visible. */
    static void configureService(boolean verbose) {
        configure(verbose);
        if (!verbose) {
            Configurator.setLevel("org.apache.kafka", Level.WARN);
            Configurator.setLevel("kafka", Level.WARN);
        }
    }

    /** Hides credentials in a URL ({@code http://user:secret@host} -> {@code http://***@host}). */
    static String redact(String url) {
        return url.replaceAll("//[^/@,]+@", "//***@");
    }

    static void configure(boolean verbose) {
        if (verbose) {
            Configurator.setRootLevel(Level.INFO);
            Configurator.setLevel("org.sitrep", Level.DEBUG);
        } else {
            Configurator.setRootLevel(Level.ERROR);
            Configurator.setLevel("org.sitrep", Level.WARN);
            // Shutdown chatter of a broker we are stopping ourselves is not an error worth showing.
            Configurator.setLevel("org.apache.kafka", Level.OFF);
            Configurator.setLevel("kafka", Level.OFF);
            Configurator.setLevel("state.change.logger", Level.OFF);
        }
    }
}
