package org.sitrep.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/** Keeps broker, registry and client logs quiet unless {@code --verbose}. */
final class Logging {
    private Logging() {
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
