package id.desaflow.identity;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

@IdentityServiceTest
class SigningKeyRestartTest {

    @LocalServerPort
    int port;
    @Autowired
    Environment env;

    @Test
    void aRestartedInstanceServesTheSameKeySoIssuedTokensStayValid() throws Exception {
        String before = new Browser(port).get("/oauth2/jwks").body();
        String issuedBefore = new Browser(port).tokensFor("/login", "admin.sempu", "Desa-Beji-2026!")
                .get("access_token").asText();
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(IdentityApplication.class).run(
                "--server.port=0",
                "--spring.data.mongodb.uri=" + env.getProperty("spring.data.mongodb.uri"),
                "--spring.kafka.bootstrap-servers=" + env.getProperty("spring.kafka.bootstrap-servers"),
                "--desaflow.identity.key-dir=" + env.getProperty("desaflow.identity.key-dir"),
                "--desaflow.outbox.collections=",
                "--logging.structured.format.console=")) {
            int otherPort = ((WebServerApplicationContext) restarted).getWebServer().getPort();
            assertThat(new Browser(otherPort).get("/oauth2/jwks").body()).isEqualTo(before).contains("\"kid\"");
            // a token issued before the restart still opens the restarted instance's API
            HttpResponse<String> officials = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            "http://localhost:" + otherPort + "/api/v1/officials?village=3309012005"))
                    .header("Authorization", "Bearer " + issuedBefore).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(officials.statusCode()).as(officials.body()).isEqualTo(200);
            assertThat(officials.body()).contains("sekdes.sempu");
        }
    }
}
