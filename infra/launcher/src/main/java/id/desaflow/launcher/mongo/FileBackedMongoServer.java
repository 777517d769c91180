package id.desaflow.launcher.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server whose data live in one H2 MVStore file, so the local stack keeps its data across
 * restarts. Run as its own process by the launcher: {@code FileBackedMongoServer <file> <port>}.
 */
public final class FileBackedMongoServer {

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        H2Backend backend = new H2Backend(file.toString());
        MongoServer server = new MongoServer(backend);
        // commit and close the store on SIGTERM / Ctrl-C, so a clean stop loses nothing
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            backend.close();
        }, "mongo-shutdown"));
        server.bind("127.0.0.1", port);
        System.out.println("MongoDB wire-protocol server on 127.0.0.1:" + port + ", data in " + file);
        Thread.currentThread().join();
    }

    private FileBackedMongoServer() {
    }
}
