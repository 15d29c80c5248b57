package org.precisionrx.devtools;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** {@code [--state DIR] COMMAND [ARG]}: what {@code ./precisionrx} asks devtools to do. */
public final class CommandLine {

    /** The CDS services the gateway offers (GET /cds-services); a token is for exactly one of them. */
    static final List<String> CDS_SERVICES = List.of("precisionrx-patient-view", "precisionrx-order-select",
            "precisionrx-order-sign", "precisionrx-medication-verify");

    public enum Command {
        EHR_CONFIG("ehr-config", true, null, "the gateway's -D settings trusting the development EHR"),
        DATABASES("databases", false, null, "creates the PostgreSQL databases (PRX_PG_HOST/PORT/USER/PASSWORD)"),
        SEED("seed", true, null, "loads the demo patients through the gateway"),
        TOKEN("token", false, "USERNAME", "a demo user's access token, from a real login"),
        EHR_TOKEN("ehr-token", true, "SERVICE_ID", "a signed EHR JWT for one call of a CDS service"),
        DEMO("demo", true, null, "the scripted demo against the running suite");

        final String word;
        final boolean needsState;
        final String operand;
        final String help;

        Command(String word, boolean needsState, String operand, String help) {
            this.word = word;
            this.needsState = needsState;
            this.operand = operand;
            this.help = help;
        }
    }

    /** A parsed command line; {@code argument} is null for commands without one. */
    public record Invocation(Command command, Path stateDir, String argument) {
    }

    public static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    private CommandLine() {
    }

    public static Invocation parse(String... args) {
        List<String> words = Arrays.asList(args);
        Path state = null;
        if (!words.isEmpty() && words.get(0).equals("--state")) {
            if (words.size() < 2 || words.get(1).isBlank()) {
                throw new UsageException("--state needs a directory");
            }
            state = Path.of(words.get(1)).toAbsolutePath();
            words = words.subList(2, words.size());
        }
        if (words.isEmpty()) {
            throw new UsageException("no command given");
        }
        String word = words.get(0);
        Command command = Arrays.stream(Command.values()).filter(c -> c.word.equals(word)).findFirst()
                .orElseThrow(() -> new UsageException("unknown command '" + word + "'"));
        List<String> operands = words.subList(1, words.size());
        if (command.needsState && state == null) {
            throw new UsageException(command.word + " needs --state DIR (the local run's state directory)");
        }
        int expected = command.operand == null ? 0 : 1;
        if (operands.size() != expected) {
            throw new UsageException(command.word + (expected == 0 ? " takes no arguments" : " needs one argument: " + command.operand));
        }
        String argument = expected == 0 ? null : operands.get(0);
        if (command == Command.TOKEN && !argument.matches("[A-Za-z0-9._@-]{1,64}")) {
            throw new UsageException("'" + argument + "' is not a username (for example dr.ada, ph.cy, pt.dee)");
        }
        if (command == Command.EHR_TOKEN && !CDS_SERVICES.contains(argument.replaceFirst("/feedback$", ""))) {
            throw new UsageException("'" + argument + "' is not a CDS service of the gateway; one of "
                    + String.join(", ", CDS_SERVICES) + " (or <service>/feedback)");
        }
        return new Invocation(command, state, argument);
    }

    public static String usage() {
        return "usage: java -jar devtools.jar [--state DIR] COMMAND [ARG]\n" + Arrays.stream(Command.values())
                .map(c -> String.format("  %-24s %s", c.word + (c.operand == null ? "" : " " + c.operand), c.help))
                .collect(Collectors.joining("\n"));
    }
}
