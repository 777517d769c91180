package id.desaflow.notification.template;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the message templates in {@code templates/<event type>.<language>.txt}: the first line is the subject,
 * then an empty line, then the body. Variables are written {@code {{name}}}; a variable without a value is an
 * error rather than a gap in a message to a resident. Plain files, so village staff can reword them without Java.
 */
@Component
public class MessageTemplates {
    /** Indonesian first; English for residents and visitors who prefer it. */
    public static final List<String> LANGUAGES = List.of("id", "en");

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{(\\w+)}}");

    private final Map<String, String[]> cache = new ConcurrentHashMap<>();

    public RenderedMessage render(String eventType, String language, Map<String, String> variables) {
        String name = "templates/" + eventType + "." + language + ".txt";
        String[] template = cache.computeIfAbsent(name, MessageTemplates::load);
        return new RenderedMessage(fill(name, template[0], variables), fill(name, template[1], variables));
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

    private static String[] load(String name) {
        String text;
        try (var in = new ClassPathResource(name).getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("No message template " + name, e);
        }
        int end = text.indexOf("\n\n");
        if (end < 0 || text.substring(0, end).contains("\n")) {
            throw new IllegalStateException("Template " + name + " must be: subject line, empty line, body");
        }
        return new String[] {text.substring(0, end).strip(), text.substring(end + 2).stripTrailing() + "\n"};
    }
}
