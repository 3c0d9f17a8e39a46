package com.shopfleet.shop.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One process of the local stack: what to run, which port it serves, what must be ready
 * before it starts and how to tell that it is ready itself. {@link Fleet} holds the list.
 *
 * @param name         unique name; also the log file name ({@code <data>/logs/<name>.log})
 * @param port         the port it serves (shown in the summary), 0 when it has none
 * @param dependsOn    names of the processes that must be ready before this one is launched
 * @param launcher     builds the command line (and may prepare files) once the dependencies are ready
 * @param readiness    returns normally when the process is ready, throws with the reason otherwise;
 *                     polled until it passes, the process dies or {@code readyTimeout} passes.
 *                     If it is {@link AutoCloseable} it is closed once the process is ready.
 * @param readyTimeout how long the process may take from launch to ready
 */
public record ProcessSpec(
        String name,
        int port,
        List<String> dependsOn,
        Launcher launcher,
        ReadinessCheck readiness,
        Duration readyTimeout) {

    public ProcessSpec {
        Objects.requireNonNull(name, "name");
        dependsOn = List.copyOf(dependsOn);
        Objects.requireNonNull(launcher, "launcher");
        Objects.requireNonNull(readiness, "readiness");
        Objects.requireNonNull(readyTimeout, "readyTimeout");
    }

    /** A copy that also depends on {@code more}. */
    public ProcessSpec dependingOn(Collection<String> more) {
        List<String> all = new ArrayList<>(dependsOn);
        more.stream().filter(n -> !all.contains(n)).forEach(all::add);
        return new ProcessSpec(name, port, all, launcher, readiness, readyTimeout);
    }

    /** Prepares and describes the process to launch. */
    @FunctionalInterface
    public interface Launcher {
        Command prepare(StackContext context) throws Exception;
    }

    /** Returns normally when ready; throws (with a helpful message) while not ready yet. */
    @FunctionalInterface
    public interface ReadinessCheck {
        void check(StackContext context) throws Exception;
    }

    /**
     * A command line and the environment variables to add to the launcher's own environment.
     * The working directory is the data folder.
     */
    public record Command(List<String> argv, Map<String, String> environment) {
        public Command {
            argv = List.copyOf(argv);
            environment = Map.copyOf(environment);
        }
    }
}
