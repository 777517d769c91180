package id.desaflow.launcher;

import java.nio.file.Path;

/**
 * Where the local stack lives and which loopback ports it uses. {@link #defaults(Path)} are the ports the README
 * names; tests use {@link #withFreePorts} so they never collide with a stack a developer is running.
 */
public record StackConfig(Path root, Path dataDir, int portal, int intake, int verification, int approval,
        int notification, int identity, int kafka, int kafkaController, int mongo, int smtp, int imap, int mailApi) {

    public static StackConfig defaults(Path root) {
        return new StackConfig(root, root.resolve(".desaflow-data"), 8080, 8081, 8082, 8083, 8084, 8085, 9092, 9093,
                27017, 3025, 3143, 8025);
    }

    public static StackConfig withFreePorts(Path root, Path dataDir) {
        int[] p = FreePorts.take(12);
        return new StackConfig(root, dataDir, p[0], p[1], p[2], p[3], p[4], p[11], p[5], p[6], p[7], p[8], p[9],
                p[10]);
    }

    String kafkaBootstrap() {
        return "127.0.0.1:" + kafka;
    }

    String mongoUri(String database) {
        return "mongodb://127.0.0.1:" + mongo + "/" + database;
    }

    public String portalUrl() {
        return "http://localhost:" + portal;
    }

    /** The identity service: the issuer of every token, as browsers and services reach it. */
    public String identityUrl() {
        return "http://localhost:" + identity;
    }

    public String mailApiUrl() {
        return "http://localhost:" + mailApi;
    }
}
