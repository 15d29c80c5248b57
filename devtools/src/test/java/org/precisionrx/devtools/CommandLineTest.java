package org.precisionrx.devtools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.precisionrx.devtools.CommandLine.Command;
import org.precisionrx.devtools.CommandLine.Invocation;
import org.precisionrx.devtools.CommandLine.UsageException;

class CommandLineTest {

    @Test
    void readsTheStateDirectoryTheCommandAndItsArgument() {
        Invocation call = CommandLine.parse("--state", "/tmp/prx", "ehr-token", "precisionrx-order-sign");

        assertThat(call.command()).isEqualTo(Command.EHR_TOKEN);
        assertThat(call.stateDir()).isEqualTo(Path.of("/tmp/prx"));
        assertThat(call.argument()).isEqualTo("precisionrx-order-sign");
    }

    @Test
    void makesARelativeStateDirectoryAbsolute() {
        assertThat(CommandLine.parse("--state", ".precisionrx", "demo").stateDir()).isAbsolute();
    }

    @Test
    void tokenNeedsNoStateButAUsername() {
        Invocation call = CommandLine.parse("token", "dr.ada");

        assertThat(call.command()).isEqualTo(Command.TOKEN);
        assertThat(call.stateDir()).isNull();
        assertThatThrownBy(() -> CommandLine.parse("token")).isInstanceOf(UsageException.class)
                .hasMessage("token needs one argument: USERNAME");
        assertThatThrownBy(() -> CommandLine.parse("token", "dr ada; rm")).isInstanceOf(UsageException.class)
                .hasMessageContaining("is not a username");
    }

    @Test
    void ehrTokensAreForTheGatewaysCdsServicesAndTheirFeedback() {
        assertThat(CommandLine.parse("--state", "s", "ehr-token", "precisionrx-patient-view/feedback").argument())
                .isEqualTo("precisionrx-patient-view/feedback");
        assertThatThrownBy(() -> CommandLine.parse("--state", "s", "ehr-token", "patient-view"))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("not a CDS service").hasMessageContaining("precisionrx-medication-verify");
    }

    @Test
    void commandsThatKeepStateRefuseToRunWithoutIt() {
        assertThatThrownBy(() -> CommandLine.parse("seed")).isInstanceOf(UsageException.class)
                .hasMessageContaining("seed needs --state DIR");
        assertThatThrownBy(() -> CommandLine.parse("--state")).isInstanceOf(UsageException.class)
                .hasMessage("--state needs a directory");
    }

    @Test
    void refusesUnknownCommandsAndExtraArguments() {
        assertThatThrownBy(CommandLine::parse).hasMessage("no command given");
        assertThatThrownBy(() -> CommandLine.parse("launch")).hasMessage("unknown command 'launch'");
        assertThatThrownBy(() -> CommandLine.parse("databases", "now")).hasMessage("databases takes no arguments");
    }

    @Test
    void usageListsEveryCommand() {
        for (Command command : Command.values()) {
            assertThat(CommandLine.usage()).contains(command.word);
        }
    }
}
