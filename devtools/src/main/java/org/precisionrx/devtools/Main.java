package org.precisionrx.devtools;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

import org.precisionrx.devtools.CommandLine.Invocation;
import org.precisionrx.devtools.CommandLine.UsageException;
import org.precisionrx.devtools.LocalDatabases.PostgresProblem;
import org.precisionrx.testsupport.KeycloakLogin;
import org.precisionrx.testsupport.KeycloakLogin.LoginFailedException;

/**
 * The Java half of {@code ./precisionrx}: everything the script does not do in bash. Tokens go to
 * standard output alone, so {@code $(./precisionrx token dr.ada)} works; everything else is for people.
 */
public final class Main {

    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int NO_POSTGRES = 3;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            execute(CommandLine.parse(args), out);
            return 0;
        } catch (UsageException e) {
            err.println("devtools: " + e.getMessage());
            err.println(CommandLine.usage());
            return USAGE;
        } catch (PostgresProblem e) {
            err.println(e.getMessage());
            return NO_POSTGRES;
        } catch (LoginFailedException e) {
            err.println(e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            err.println("failed: " + e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
            if (System.getenv("PRX_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return FAILED;
        }
    }

    private static void execute(Invocation call, PrintStream out) {
        switch (call.command()) {
            case EHR_CONFIG -> gatewayEhrSettings(call).forEach((key, value) -> out.println("-D" + key + "=" + value));
            case DATABASES -> new LocalDatabases(PostgresSettings.fromEnv(System.getenv())).ensure()
                    .forEach((name, created) -> out.println("  database " + name + (created ? ": created" : ": exists")));
            case SEED -> out.println(SeededPatients.table(new DemoSeeder(call.stateDir(), gateway(), out).seed()));
            case TOKEN -> out.println(KeycloakLogin.login(LocalSuite.REALM_URL, LocalSuite.WEB_CLIENT, LocalSuite.WEB_REDIRECT_URI,
                    call.argument(), password()).accessToken());
            case EHR_TOKEN -> out.println(LocalSuite.ehr(call.stateDir()).token(LocalSuite.cdsServiceUrl(call.argument())));
            case DEMO -> new DemoScenario(call.stateDir(), gateway(), out).run();
        }
    }

    /** The development EHR's issuer entry, plus the URL its JWTs must name as audience. */
    static Map<String, String> gatewayEhrSettings(Invocation call) {
        Map<String, String> settings = new TreeMap<>(LocalSuite.ehr(call.stateDir()).config(LocalSuite.EHR_CONFIG_ENTRY));
        settings.put("precisionrx.cds-service.public-base-url", LocalSuite.GATEWAY_URL);
        return settings;
    }

    private static GatewayClient gateway() {
        return new GatewayClient(LocalSuite.GATEWAY_URL);
    }

    /** Demo users share one dev-only password; PRX_PASSWORD logs in anyone else. */
    private static String password() {
        String password = System.getenv("PRX_PASSWORD");
        return password == null || password.isEmpty() ? LocalSuite.DEMO_PASSWORD : password;
    }
}
