package id.desaflow.notification.template;

import id.desaflow.contracts.events.EventType;
import id.desaflow.notification.delivery.Channel;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageTemplatesTest {
    private final MessageTemplates templates = MessageTemplates.defaultsOnly();

    @Test
    void everyMessageTypeRendersOnEveryChannelInBothLanguagesUsingOnlyItsVariables() {
        for (String type : TemplateCatalogue.messageTypes()) {
            Map<String, String> values = new HashMap<>();
            TemplateCatalogue.variables(type).forEach(v -> values.put(v, "<" + v + ">"));
            for (Channel channel : Channel.values()) {
                for (String language : MessageTemplates.LANGUAGES) {
                    Template t = templates.effective(type, channel, language);
                    // a one-time code is the message itself; everything else links to the portal
                    String essential = type.equals(EventType.ONE_TIME_CODE_REQUESTED.type()) ? "code" : "link";
                    assertThat(MessageTemplates.variablesIn(t.subject() + t.body())).as(type + channel + language)
                            .isSubsetOf(TemplateCatalogue.variables(type)).contains(essential);
                    RenderedMessage m = templates.render(type, channel, language, values);
                    assertThat(m.body()).doesNotContain("{{").contains("<" + essential + ">");
                }
            }
        }
    }

    @Test
    void everyShippedFileBelongsToAKnownMessageTypeAndLanguage() throws IOException {
        Set<String> expected = TemplateCatalogue.messageTypes().stream()
                .flatMap(t -> MessageTemplates.LANGUAGES.stream().map(l -> t + "." + l + ".txt"))
                .collect(Collectors.toSet());
        for (String group : new String[] {"email", "short"}) {
            var files = Arrays.stream(new PathMatchingResourcePatternResolver()
                            .getResources("classpath:templates/" + group + "/*.txt"))
                    .map(r -> Objects.requireNonNull(r.getFilename())).collect(Collectors.toSet());
            assertThat(files).as(group).isEqualTo(expected);
        }
    }

    @Test
    void externalChannelsGetTheUnsubscribeFooterAndTheInboxDoesNot() {
        Map<String, String> values = new HashMap<>();
        TemplateCatalogue.variables(TemplateCatalogue.DIGEST).forEach(v -> values.put(v, "x"));
        String url = "http://localhost:8080/api/v1/unsubscribe/abc.def";
        for (Channel channel : new Channel[] {Channel.EMAIL, Channel.SMS, Channel.WHATSAPP}) {
            assertThat(templates.compose(TemplateCatalogue.DIGEST, channel, "id", values, url).body())
                    .as(channel.name()).endsWith(url + "\n");
        }
        assertThat(templates.compose(TemplateCatalogue.DIGEST, Channel.IN_APP, "id", values, url).body())
                .doesNotContain(url);
    }

    @Test
    void aVariableWithoutAValueIsAnErrorNotAGapInTheMessage() {
        Map<String, String> incomplete = new HashMap<>(Map.of("name", "Sri", "letterType", "SKU", "trackingCode",
                "DF-1", "status", "Selesai", "link", "l", "reason", "-"));
        assertThatThrownBy(() -> templates.render("desaflow.request.letter-issued.v1", Channel.EMAIL, "id",
                incomplete)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("letterNumber");
    }

    @Test
    void valuesAreInsertedLiterally() {
        Map<String, String> values = new HashMap<>();
        TemplateCatalogue.variables("desaflow.request.submitted.v1").forEach(v -> values.put(v, "x"));
        values.put("name", "Rp$1 \\ {{status}}");
        assertThat(templates.render("desaflow.request.submitted.v1", Channel.EMAIL, "id", values).body())
                .contains("Yth. Rp$1 \\ {{status}},");
    }

    @Test
    void unknownMessageTypesAndLanguagesHaveNoTemplate() {
        assertThatThrownBy(() -> templates.effective("desaflow.request.unknown.v1", Channel.EMAIL, "id"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> templates.effective("desaflow.request.submitted.v1", Channel.EMAIL, "jv"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
