package id.desaflow.intake.catalogue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The letter-type catalogue, read once from {@code catalogue/letter-types.json} (kept in the repository's
 * workflows/catalogue, shared with verification and approval): adding a letter type is a data change (plus its
 * BPMN), not a code change. A mistake in the file stops the service at start-up, not at the first request.
 */
@Component
public class LetterTypes {
    private final Map<String, LetterType> byCode = new LinkedHashMap<>();

    LetterTypes(ObjectMapper json,
            @Value("${desaflow.catalogue.letter-types:classpath:catalogue/letter-types.json}") Resource source) {
        try (InputStream in = source.getInputStream()) {
            for (LetterType type : json.readValue(in, Catalogue.class).letterTypes()) {
                if (byCode.putIfAbsent(type.code(), type) != null) {
                    throw new IllegalStateException("Letter type listed twice: " + type.code());
                }
                if (byCode.values().stream().filter(t -> t.trackingPrefix().equals(type.trackingPrefix())).count() > 1) {
                    throw new IllegalStateException("Tracking prefix used twice: " + type.trackingPrefix());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Letter-type catalogue " + source + " cannot be read", e);
        }
    }

    public List<LetterType> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<LetterType> find(String code) {
        return Optional.ofNullable(code).map(byCode::get);
    }

    private record Catalogue(List<LetterType> letterTypes) {
    }
}
