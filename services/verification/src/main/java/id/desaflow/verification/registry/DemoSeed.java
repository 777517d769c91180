package id.desaflow.verification.registry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Fills the registry with the demo village (Desa Beji) when it holds nobody of it yet. Runs once all beans exist,
 * before the Kafka listeners start, so the first requests are checked against a filled registry.
 */
@Component
@ConditionalOnProperty(name = "desaflow.demo-seed", havingValue = "true")
class DemoSeed implements SmartInitializingSingleton {
    static final String DEMO_VILLAGE = "3309012004";
    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);

    private final PopulationRegistry registry;
    private final ResidentCsvImporter importer;

    DemoSeed(PopulationRegistry registry, ResidentCsvImporter importer) {
        this.registry = registry;
        this.importer = importer;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (registry.countByVillageCode(DEMO_VILLAGE) > 0) {
            return;
        }
        try (Reader csv = new InputStreamReader(
                new ClassPathResource("seed/penduduk-" + DEMO_VILLAGE + ".csv").getInputStream(),
                StandardCharsets.UTF_8)) {
            var report = importer.importCsv(csv);
            log.info("Demo seed: {} residents imported, problems {}", report.imported(), report.problems());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
