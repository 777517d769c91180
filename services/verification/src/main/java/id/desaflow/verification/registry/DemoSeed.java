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
import java.util.List;

/**
 * Fills the registry with the demo village (Desa Beji) and two residents of its neighbour (for the "not a resident
 * here" case), each village only when the registry holds nobody of it yet. Runs once all beans exist, before the
 * Kafka listeners start, so the first requests are checked against a filled registry. Goes through the real import.
 */
@Component
@ConditionalOnProperty(name = "desaflow.demo-seed", havingValue = "true")
class DemoSeed implements SmartInitializingSingleton {
    static final List<String> VILLAGES = List.of("3309012004", "3309012005");
    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);

    private final PopulationRegistry registry;
    private final ResidentCsvImporter importer;

    DemoSeed(PopulationRegistry registry, ResidentCsvImporter importer) {
        this.registry = registry;
        this.importer = importer;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String village : VILLAGES) {
            if (registry.countByVillageCode(village) > 0) {
                continue;
            }
            try (Reader csv = new InputStreamReader(new ClassPathResource("seed/penduduk-" + village + ".csv")
                    .getInputStream(), StandardCharsets.UTF_8)) {
                RegistryImport report = importer.importCsv(village, csv, "demo-seed");
                log.info("Demo seed of village {}: {} residents imported, {} rows refused", village,
                        report.accepted(), report.refused());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
