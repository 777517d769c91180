package id.desaflow.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The README's "run" command: starts the whole DesaFlow stack on this machine without Docker — a KRaft Kafka
 * broker, a file-backed MongoDB wire-protocol server and a GreenMail mail server as their own processes, then
 * every service — waits until all are ready and prints where to go. Data stay in {@code .desaflow-data/} across
 * restarts; Ctrl-C stops everything it started.
 */
public final class LocalStack implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    static final List<String> SERVICES = List.of("identity", "intake", "verification", "approval", "notification",
            "portal");

    private final StackConfig config;
    private final List<ChildProcess> infrastructure = Collections.synchronizedList(new ArrayList<>());
    private final List<ChildProcess> services = Collections.synchronizedList(new ArrayList<>());
    private Duration startupTime;

    private LocalStack(StackConfig config) {
        this.config = config;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("desaflow.root", ".")).toAbsolutePath().normalize();
        LocalStack stack = new LocalStack(StackConfig.defaults(root));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nMenghentikan DesaFlow (stopping)...");
            stack.close();
            System.out.println("DesaFlow berhenti. Data tersimpan di " + stack.config.dataDir());
        }, "desaflow-stop"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            System.err.println("\nDesaFlow gagal dijalankan (failed to start): " + e.getMessage());
            System.exit(1);
        }
        System.out.println(stack.banner());
        Thread.currentThread().join();
    }

    /** Starts a stack and waits until every part is ready. */
    public static LocalStack start(StackConfig config) {
        LocalStack stack = new LocalStack(config);
        try {
            stack.start();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void start() {
        Instant begin = Instant.now();
        requireBuilt();
        log("Memulai infrastruktur (Kafka, MongoDB, mail) ...");
        CompletableFuture.allOf(
                CompletableFuture.runAsync(this::startKafka),
                CompletableFuture.runAsync(this::startMongo),
                CompletableFuture.runAsync(this::startMail)).join();
        log("Memulai layanan: " + String.join(", ", SERVICES) + " ...");
        CompletableFuture.allOf(SERVICES.stream()
                .map(s -> CompletableFuture.runAsync(() -> startService(s)))
                .toArray(CompletableFuture[]::new)).join();
        startupTime = Duration.between(begin, Instant.now());
        log("Siap dalam " + startupTime.toMillis() / 1000.0 + " s; memori (RSS) total " + totalRssMib() + " MiB");
    }

    private void requireBuilt() {
        List<Path> missing = Stream.concat(
                        SERVICES.stream().map(this::serviceJar),
                        Stream.of(kafkaLib()))
                .filter(p -> !Files.exists(p)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Not built yet (run: mvn -DskipTests install): " + missing);
        }
    }

    // ---- infrastructure -------------------------------------------------------------------------------------

    private void startKafka() {
        try {
            Path dir = Files.createDirectories(config.dataDir().resolve("kafka"));
            Path logs = Files.createDirectories(dir.resolve("data"));
            Path properties = dir.resolve("server.properties");
            Files.writeString(properties, String.join("\n",
                    "process.roles=broker,controller",
                    "node.id=1",
                    "controller.quorum.voters=1@127.0.0.1:" + config.kafkaController(),
                    "listeners=PLAINTEXT://127.0.0.1:" + config.kafka() + ",CONTROLLER://127.0.0.1:"
                            + config.kafkaController(),
                    "advertised.listeners=PLAINTEXT://127.0.0.1:" + config.kafka(),
                    "controller.listener.names=CONTROLLER",
                    "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                    "log.dirs=" + logs.toAbsolutePath(),
                    "num.partitions=3",
                    "offsets.topic.replication.factor=1",
                    "transaction.state.log.replication.factor=1",
                    "transaction.state.log.min.isr=1",
                    "group.initial.rebalance.delay.ms=0",
                    "auto.create.topics.enable=true", ""));
            Path log4j = dir.resolve("log4j.properties");
            Files.writeString(log4j, String.join("\n",
                    "log4j.rootLogger=WARN, stdout",
                    "log4j.logger.kafka.server.KafkaServer=INFO",
                    "log4j.logger.kafka.server.KafkaRaftServer=INFO",
                    "log4j.appender.stdout=org.apache.log4j.ConsoleAppender",
                    "log4j.appender.stdout.Target=System.err",
                    "log4j.appender.stdout.layout=org.apache.log4j.PatternLayout",
                    "log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n", ""));
            String classpath = kafkaLib().toAbsolutePath() + "/*";
            List<String> jvm = List.of(java(), "-Xmx384m", "-XX:+UseSerialGC",
                    "-Dlog4j.configuration=file:" + log4j.toAbsolutePath(), "-cp", classpath);
            if (!Files.exists(logs.resolve("meta.properties"))) {
                List<String> format = new ArrayList<>(jvm);
                format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", clusterId(), "-c",
                        properties.toAbsolutePath().toString()));
                ChildProcess formatter = ChildProcess.start("kafka-format", format, config.root(), logDir());
                formatter.awaitExit(Duration.ofMinutes(1));
            }
            List<String> run = new ArrayList<>(jvm);
            run.addAll(List.of("kafka.Kafka", properties.toAbsolutePath().toString()));
            ChildProcess kafka = ChildProcess.start("kafka", run, config.root(), logDir());
            infrastructure.add(kafka);
            kafka.awaitPort(config.kafka(), READY_TIMEOUT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Kafka's cluster id form: 16 random bytes, base64url without padding. Like Kafka's own Uuid.randomUuid, an id
     * starting with '-' is drawn again: the storage tool would read it as an option (1 start in 64 failed so).
     */
    static String clusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    private void startMongo() {
        try {
            ChildProcess mongo = ChildProcess.start("mongodb", List.of(java(), "-Xmx256m", "-XX:+UseSerialGC",
                    "-cp", launcherClasspath(), "id.desaflow.launcher.mongo.FileBackedMongoServer",
                    config.dataDir().resolve("mongodb/desaflow.mv").toAbsolutePath().toString(),
                    String.valueOf(config.mongo())), config.root(), logDir());
            infrastructure.add(mongo);
            mongo.awaitPort(config.mongo(), READY_TIMEOUT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startMail() {
        try {
            ChildProcess mail = ChildProcess.start("mail", List.of(java(), "-Xmx128m", "-XX:+UseSerialGC",
                    "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + config.smtp(),
                    "-Dgreenmail.imap.hostname=127.0.0.1", "-Dgreenmail.imap.port=" + config.imap(),
                    "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + config.mailApi(),
                    "-Dgreenmail.auth.disabled", "-Dgreenmail.hostname=127.0.0.1",
                    "-cp", launcherClasspath(), "com.icegreen.greenmail.standalone.GreenMailStandaloneRunner"),
                    config.root(), logDir());
            infrastructure.add(mail);
            mail.awaitPort(config.smtp(), READY_TIMEOUT);
            mail.awaitPort(config.mailApi(), READY_TIMEOUT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- services -------------------------------------------------------------------------------------------

    private void startService(String name) {
        int port = port(name);
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + (name.equals("approval") ? 384 : 256) + "m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:+ExitOnOutOfMemoryError",
                "-jar", serviceJar(name).toAbsolutePath().toString(), "--server.port=" + port));
        serviceArguments(name).forEach((k, v) -> command.add("--" + k + "=" + v));
        try {
            ChildProcess service = ChildProcess.start(name, command, config.root(), logDir());
            services.add(service);
            service.awaitHttpOk("http://127.0.0.1:" + port + "/actuator/health/readiness", READY_TIMEOUT);
            log("  " + name + " siap di http://localhost:" + port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What each service needs to find the local infrastructure and each other. */
    private Map<String, String> serviceArguments(String name) {
        Map<String, String> args = new java.util.LinkedHashMap<>();
        if (!name.equals("portal")) {
            args.put("spring.kafka.bootstrap-servers", config.kafkaBootstrap());
            args.put("desaflow.demo-seed", "true");
        }
        switch (name) {
            case "intake", "verification", "notification", "identity" -> {
                args.put("spring.data.mongodb.uri", config.mongoUri("desaflow-" + name));
                // the embedded wire-protocol server does not answer the 'hello' command Boot's health check sends
                args.put("management.health.mongo.enabled", "false");
            }
            case "approval" -> args.put("spring.datasource.url", "jdbc:h2:file:"
                    + config.dataDir().resolve("approval/engine").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE");
            default -> {
            }
        }
        if (name.equals("notification")) {
            args.put("spring.mail.host", "127.0.0.1");
            args.put("spring.mail.port", String.valueOf(config.smtp()));
        }
        args.put("desaflow.public-base-url", config.portalUrl());
        // everyone signs in at identity; every service checks its tokens, the portal is its OAuth2 client
        switch (name) {
            case "identity" -> {
                args.put("desaflow.identity.issuer", config.identityUrl());
                args.put("desaflow.identity.key-dir", config.dataDir().resolve("identity").toAbsolutePath()
                        .toString());
                args.put("desaflow.identity.portal.redirect-uri", config.portalUrl()
                        + "/login/oauth2/code/desaflow");
                // one machine signs everybody in here (demo, browser journeys): more sign-ins per address and minute
                // than the production default of 10
                args.put("desaflow.identity.login-attempts-per-minute", "60");
            }
            case "portal" -> args.put("desaflow.portal.identity.issuer-uri", config.identityUrl());
            default -> args.put("desaflow.security.issuer-uri", config.identityUrl());
        }
        if (name.equals("portal")) {
            for (String service : SERVICES) {
                if (!service.equals("portal")) {
                    args.put("desaflow.services." + service, "http://127.0.0.1:" + port(service));
                }
            }
        }
        return args;
    }

    private int port(String service) {
        return switch (service) {
            case "portal" -> config.portal();
            case "intake" -> config.intake();
            case "verification" -> config.verification();
            case "approval" -> config.approval();
            case "notification" -> config.notification();
            case "identity" -> config.identity();
            default -> throw new IllegalArgumentException(service);
        };
    }

    // ---- stopping and reporting -----------------------------------------------------------------------------

    /** Stops the services first (so they finish in-flight work), then the infrastructure. */
    @Override
    public void close() {
        stopAll(services);
        stopAll(infrastructure);
    }

    private static void stopAll(List<ChildProcess> processes) {
        List<ChildProcess> copy;
        synchronized (processes) {
            copy = new ArrayList<>(processes);
            processes.clear();
        }
        CompletableFuture.allOf(copy.stream()
                .map(p -> CompletableFuture.runAsync(() -> p.stop(Duration.ofSeconds(30))))
                .toArray(CompletableFuture[]::new)).join();
    }

    public Duration startupTime() {
        return startupTime;
    }

    /** Resident memory of every process of the stack (launcher included), in MiB. */
    public long totalRssMib() {
        long kib = ChildProcess.rssKib(ProcessHandle.current().pid()).orElse(0L);
        for (ChildProcess p : List.copyOf(infrastructure)) {
            kib += p.rssKib().orElse(0L);
        }
        for (ChildProcess p : List.copyOf(services)) {
            kib += p.rssKib().orElse(0L);
        }
        return kib / 1024;
    }

    public StackConfig config() {
        return config;
    }

    String banner() {
        return String.join("\n",
                "",
                "==================================================================================",
                " DesaFlow berjalan (running) — siap dalam " + startupTime.toSeconds() + " s, RSS total "
                        + totalRssMib() + " MiB",
                "==================================================================================",
                " Portal (warga & petugas)   : " + config.portalUrl(),
                " API lewat portal           : " + config.portalUrl() + "/api/v1/letter-types",
                " Masuk (identity, OIDC)     : " + config.identityUrl() + "   petugas: kasi-pelayanan.beji / "
                        + "Desa-Beji-2026!   warga: NIK 3309016108790002 / PIN 246810",
                " Kotak surat (mail, GreenMail): " + config.mailApiUrl()
                        + "/api/user/<email>/messages/INBOX   (IMAP 127.0.0.1:" + config.imap() + ")",
                " Layanan langsung (services): intake :" + config.intake() + "  verification :"
                        + config.verification() + "  approval :" + config.approval() + "  notification :"
                        + config.notification() + "  (/swagger-ui.html, /actuator/health)",
                " Kafka 127.0.0.1:" + config.kafka() + "   MongoDB 127.0.0.1:" + config.mongo()
                        + "   SMTP 127.0.0.1:" + config.smtp(),
                " Desa demo: Desa Beji, Kec. Andong, Kab. Boyolali (kode 3309012004)",
                " Data: " + config.dataDir() + "   Log: " + logDir(),
                " Tekan Ctrl-C untuk berhenti (press Ctrl-C to stop).",
                "");
    }

    // ---- paths ----------------------------------------------------------------------------------------------

    private Path serviceJar(String name) {
        return config.root().resolve("services/" + name + "/target/desaflow-" + name + ".jar");
    }

    private Path kafkaLib() {
        return config.root().resolve("infra/kafka-broker/target/kafka-lib");
    }

    private Path logDir() {
        return config.dataDir().resolve("logs");
    }

    /** The launcher's own runtime classpath (never a test runner's, whose logging bridges break GreenMail). */
    private String launcherClasspath() {
        Path target = config.root().resolve("infra/launcher/target");
        try {
            return target.resolve("classes").toAbsolutePath() + java.io.File.pathSeparator
                    + Files.readString(target.resolve("launcher-classpath.txt")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Launcher not built (run: mvn -DskipTests install)", e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void log(String message) {
        System.out.println("[desaflow] " + message);
    }
}
