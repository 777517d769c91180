package id.desaflow.notification.template;

import id.desaflow.notification.delivery.Channel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders messages per message type x channel x language. The shipped defaults are plain files:
 * {@code templates/email/<type>.<language>.txt} for e-mail and {@code templates/short/...} for SMS, WhatsApp and
 * in-app (a file under {@code templates/<channel>/} would win for that channel); the first line is the subject,
 * then an empty line, then the body. Administrators' overrides (MongoDB) win over the defaults. Variables are
 * written {@code {{name}}}; a variable without a value is an error rather than a gap in a message. Every message
 * that leaves the system gets the unsubscribe footer, which is not editable so no override can drop it.
 */
@Component
public class MessageTemplates {
    /** Indonesian first; English for residents and visitors who prefer it. */
    public static final List<String> LANGUAGES = List.of("id", "en");

    static final Pattern VARIABLE = Pattern.compile("\\{\\{(\\w+)}}");

    private final Map<String, Template> defaults = new ConcurrentHashMap<>();
    private final TemplateOverrides overrides;

    @Autowired
    MessageTemplates(TemplateOverrides overrides) {
        this.overrides = overrides;
    }

    /** The shipped defaults only, without the administrators' store (for unit tests and tools). */
    public static MessageTemplates defaultsOnly() {
        return new MessageTemplates(null);
    }

    /** The full message as sent: the template filled in, plus the unsubscribe footer for external channels. */
    public RenderedMessage compose(String messageType, Channel channel, String language,
            Map<String, String> variables, String unsubscribeUrl) {
        RenderedMessage message = render(messageType, channel, language, variables);
        if (!channel.external() || unsubscribeUrl == null) {
            return message;
        }
        String footer = fill("footer", footer(channel, language).body(), Map.of("unsubscribeLink", unsubscribeUrl));
        String separator = channel == Channel.EMAIL ? "" : "\n";
        return new RenderedMessage(message.subject(), message.body() + separator + footer);
    }

    public RenderedMessage render(String messageType, Channel channel, String language,
            Map<String, String> variables) {
        Template template = effective(messageType, channel, language);
        String name = messageType + "/" + channel + "/" + language;
        return new RenderedMessage(fill(name, template.subject(), variables).strip(),
                fill(name, template.body(), variables));
    }

    /** The wording in use: the administrator's override if there is one, else the shipped default. */
    public Template effective(String messageType, Channel channel, String language) {
        return override(messageType, channel, language).map(TemplateOverride::template)
                .orElseGet(() -> shipped(messageType, channel, language));
    }

    Optional<TemplateOverride> override(String messageType, Channel channel, String language) {
        return overrides == null ? Optional.empty()
                : overrides.findById(TemplateOverride.idOf(messageType, channel, language));
    }

    Template shipped(String messageType, Channel channel, String language) {
        requireKnown(messageType, language);
        String own = "templates/" + channel.name().toLowerCase() + "/" + messageType + "." + language + ".txt";
        String shared = "templates/" + (channel == Channel.EMAIL ? "email" : "short") + "/" + messageType + "."
                + language + ".txt";
        return new ClassPathResource(own).exists() ? load(own) : load(shared);
    }

    private Template footer(Channel channel, String language) {
        return load("templates/footer/" + (channel == Channel.EMAIL ? "email" : "short") + "." + language + ".txt");
    }

    /** The variables a text uses, in order of appearance. */
    static Set<String> variablesIn(String text) {
        Set<String> used = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            used.add(m.group(1));
        }
        return used;
    }

    private static void requireKnown(String messageType, String language) {
        if (!TemplateCatalogue.isKnown(messageType) || !LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("No message template for " + messageType + " in " + language);
        }
    }

    private static String fill(String name, String text, Map<String, String> variables) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = variables.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("Template " + name + " needs variable " + m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private Template load(String name) {
        return defaults.computeIfAbsent(name, MessageTemplates::read);
    }

    private static Template read(String name) {
        String text;
        try (var in = new ClassPathResource(name).getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("No message template " + name, e);
        }
        if (name.startsWith("templates/footer/")) {
            return new Template("", text);
        }
        int end = text.indexOf("\n\n");
        if (end < 0 || text.substring(0, end).contains("\n")) {
            throw new IllegalStateException("Template " + name + " must be: subject line, empty line, body");
        }
        return new Template(text.substring(0, end).strip(), text.substring(end + 2).stripTrailing() + "\n");
    }
}
