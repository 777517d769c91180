package id.desaflow.verification.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.contracts.events.Applicant;
import id.desaflow.platform.catalogue.CoverLetterSteps;
import id.desaflow.platform.catalogue.VillageLetterTypes;
import id.desaflow.verification.registry.PopulationRegistry;
import id.desaflow.verification.registry.Resident;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static id.desaflow.verification.TestResidents.BEJI;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The real rules and the real rules file (the classpath copy of workflows/catalogue/verification-rules.json) over
 * an in-memory registry, open-request view and Dukcapil, with today fixed at 2026-11-23.
 */
final class RuleFixture {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final ObjectMapper JSON = new ObjectMapper();
    /** The shipped catalogue: no village has a version of its own. */
    static final LetterTypes LETTER_TYPES = letterTypes(VillageLetterTypes.fixed(List.of()));
    static final CoverLetterSteps COVER_LETTERS = CoverLetterSteps.read(JSON,
            new ClassPathResource("catalogue/villages.json"));
    static final VillageSettings VILLAGES = new VillageSettings(List.of(new VillageSettings.Village(BEJI,
            List.of("Beji", "Bulu", "Candi", "Bandung", "Bandung Kidul"))));

    final Map<String, Resident> residents = new HashMap<>();
    final Set<String> openRequestsOf = new java.util.HashSet<>();
    final FakeDukcapil dukcapil = new FakeDukcapil();
    final RuleBook book;

    RuleFixture() {
        this(rulesFile());
    }

    RuleFixture(JsonNode rulesFile) {
        PopulationRegistry registry = mock(PopulationRegistry.class);
        when(registry.findByNik(anyString())).thenAnswer(i -> Optional.ofNullable(residents.get(i.<String>getArgument(0))));
        OpenRequests open = (nik, letterType, requestId) -> openRequestsOf.contains(nik + "/" + letterType);
        book = new RuleBook(new RuleCatalogue(rulesFile, allRules(), LETTER_TYPES), registry, open, dukcapil,
                Optional.of(Clock.fixed(TODAY.atStartOfDay(ZoneId.of("Asia/Jakarta")).toInstant(),
                        ZoneId.of("UTC"))));
    }

    static LetterTypes letterTypes(VillageLetterTypes villageVersions) {
        return new LetterTypes(JSON, new ClassPathResource("catalogue/letter-types.json"), villageVersions);
    }

    static List<VerificationRule> allRules() {
        return List.of(new RegisteredNikRule(), new AliveRule(), new DomicileRule(), new DusunRule(VILLAGES),
                new RegistryCompleteRule(), new NameMatchRule(), new MinimumAgeRule(),
                new RequiredDocumentsRule(LETTER_TYPES, COVER_LETTERS), new NoOpenRequestRule(LETTER_TYPES), new HeadOfFamilyRule(),
                new FamilyMemberRule(LETTER_TYPES), new NotWellOffRule(), new UnmarriedRule(), new RtRwRule(),
                new DukcapilRule());
    }

    static JsonNode rulesFile() {
        try {
            return JSON.readTree(new ClassPathResource("catalogue/verification-rules.json").getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Resident add(Resident resident) {
        residents.put(resident.nik(), resident);
        return resident;
    }

    Verdict judge(Submission submission) {
        return book.judge(submission, List.of());
    }

    /** A request of {@code letterType} by {@code resident} with the catalogue's required documents. */
    static Submission request(String letterType, Resident resident) {
        return request(letterType, resident, resident.name(), Map.of());
    }

    static Submission request(String letterType, Resident resident, String name, Map<String, String> data) {
        List<String> documents = LETTER_TYPES.find(letterType).map(LetterTypes.LetterType::requiredAttachments)
                .orElse(List.of());
        return new Submission("req-" + resident.nik(), "TST-ABC123", letterType, BEJI, 0,
                new Applicant(resident.nik(), name, "081234567890", null), data, Set.copyOf(documents));
    }

    static Submission withDocuments(Submission s, Set<String> documents) {
        return new Submission(s.requestId(), s.trackingCode(), s.letterType(), s.villageCode(), s.revision(),
                s.applicant(), s.data(), documents);
    }

    static Submission revision(Submission s, int revision, String name, Set<String> documents) {
        return new Submission(s.requestId(), s.trackingCode(), s.letterType(), s.villageCode(), revision,
                new Applicant(s.nik(), name, s.applicant().phone(), s.applicant().email()), s.data(), documents);
    }

    /** Dukcapil as a test needs it: matching, differing, or down; counts the questions. */
    static final class FakeDukcapil implements CivilRegistry {
        boolean enabled = true;
        boolean down;
        Match answer = new Match(true, true, List.of(), null);
        final List<String> asked = new ArrayList<>();

        @Override
        public boolean enabled() {
            return enabled;
        }

        @Override
        public boolean available() {
            return enabled && !down;
        }

        @Override
        public Match verify(String nik, String name, LocalDate birthDate) {
            asked.add(nik);
            if (down) {
                throw new Unavailable("test: down", null);
            }
            return answer;
        }
    }
}
