package id.desaflow.platform.security;

import id.desaflow.platform.messaging.KafkaMessagingConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/** A minimal service using the kit the way a DesaFlow service would: actor in, ownership decided in code. */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = {KafkaAutoConfiguration.class, KafkaMessagingConfiguration.class,
        MongoAutoConfiguration.class, MongoDataAutoConfiguration.class})
@Import(KitTestApp.Api.class)
class KitTestApp {

    @RestController
    static class Api {
        @GetMapping("/api/v1/me")
        Map<String, Object> me(@AuthenticationPrincipal Actor actor) {
            Map<String, Object> me = new LinkedHashMap<>(actor.claims());
            me.put("candidateGroups", actor.candidateGroups());
            me.put("sameAsActors", Actors.required().equals(actor));
            me.put("relayable", Actors.bearerToken().isPresent());
            return me;
        }

        @GetMapping("/api/v1/public/ping")
        String ping() {
            return "pong " + Actors.current().map(Actor::userId).orElse("anonymous");
        }

        @PostMapping("/api/v1/public/ping")
        String pingPost() {
            return "pong";
        }

        @GetMapping("/api/v1/signatures")
        @PreAuthorize("hasRole('kades')")
        String signatures() {
            return "ttd";
        }

        @GetMapping("/api/v1/villages/{code}/settings")
        String settings(@PathVariable String code) {
            if (!Actors.required().administers(code)) {
                throw new AccessDeniedException("not an administrator of " + code);
            }
            return "settings " + code;
        }
    }
}
