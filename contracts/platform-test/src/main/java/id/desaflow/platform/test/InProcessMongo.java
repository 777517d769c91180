package id.desaflow.platform.test;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * Gives a Spring test context a real MongoDB wire-protocol server (mongo-java-server, in memory) on a free port,
 * started before the context and stopped with it. Use on a {@code @SpringBootTest} class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ContextConfiguration(initializers = InProcessMongo.Initializer.class)
public @interface InProcessMongo {

    class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            MongoServer server = new MongoServer(new MemoryBackend());
            InetSocketAddress address = server.bind();
            String uri = "mongodb://127.0.0.1:" + address.getPort() + "/desaflow-test"
                    // the server stops with the context, possibly before a scheduled poll: fail fast then
                    + "?serverSelectionTimeoutMS=2000";
            context.getEnvironment().getPropertySources().addFirst(
                    new MapPropertySource("inProcessMongo", Map.of("spring.data.mongodb.uri", uri)));
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent) {
                    server.shutdownNow();
                }
            });
        }
    }
}
