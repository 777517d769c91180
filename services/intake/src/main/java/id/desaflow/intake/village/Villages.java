package id.desaflow.intake.village;

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

/** The villages DesaFlow serves, read once from {@code catalogue/villages.json}. */
@Component
public class Villages {
    private final Map<String, Village> byCode = new LinkedHashMap<>();

    Villages(ObjectMapper json,
            @Value("${desaflow.catalogue.villages:classpath:catalogue/villages.json}") Resource source) {
        try (InputStream in = source.getInputStream()) {
            for (Village village : json.readValue(in, VillageList.class).villages()) {
                if (byCode.putIfAbsent(village.code(), village) != null) {
                    throw new IllegalStateException("Village listed twice: " + village.code());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Village catalogue " + source + " cannot be read", e);
        }
    }

    public List<Village> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<Village> find(String code) {
        return Optional.ofNullable(code).map(byCode::get);
    }

    private record VillageList(List<Village> villages) {
    }
}
