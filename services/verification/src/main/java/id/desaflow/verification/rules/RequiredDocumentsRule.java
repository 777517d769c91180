package id.desaflow.verification.rules;

import id.desaflow.platform.catalogue.CoverLetterSteps;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * lampiran-wajib: every required document is there, uploaded or brought to the counter on paper. The required kinds
 * are the catalogue's (workflows/catalogue/letter-types.json), so the form and the check never disagree; the rules
 * file may name other kinds ({@code kinds}). A village that changed the type's documents decides for its own requests
 * (what it made optional is not required, a kind it added is). A missing document is the resident's to add: the
 * request goes back for revision, naming the documents.
 */
@Component
class RequiredDocumentsRule implements VerificationRule {
    private final LetterTypes letterTypes;
    private final CoverLetterSteps coverLetters;

    RequiredDocumentsRule(LetterTypes letterTypes, CoverLetterSteps coverLetters) {
        this.letterTypes = letterTypes;
        this.coverLetters = coverLetters;
    }

    @Override
    public String code() {
        return "lampiran-wajib";
    }

    @Override
    public boolean needsResident() {
        return false;
    }

    @Override
    public boolean readsSubmission() {
        return true;
    }

    @Override
    public void validate(RuleEntry entry, Optional<LetterTypes.LetterType> letterType) {
        entry.texts("kinds").ifPresent(kinds -> letterType.ifPresent(type -> kinds.stream()
                .filter(kind -> !type.attachmentLabels().containsKey(kind)).findFirst().ifPresent(kind -> {
                    throw new IllegalStateException("lampiran-wajib: " + kind + " is not an attachment of "
                            + type.code() + ", which has " + type.attachmentLabels().keySet());
                })));
    }

    @Override
    public Check check(Facts facts, RuleEntry entry) {
        Submission submission = facts.submission();
        Optional<LetterTypes.LetterType> type = letterTypes.find(submission.villageCode(), submission.letterType());
        List<String> required = type.filter(t -> t.version() > 0).map(LetterTypes.LetterType::requiredAttachments)
                .or(() -> entry.texts("kinds"))
                .orElse(type.map(LetterTypes.LetterType::requiredAttachments).orElse(List.of()));
        List<String> missing = required.stream().filter(kind -> !submission.documents().contains(kind))
                .filter(kind -> coverLetters.requires(submission.villageCode(), kind))
                .map(kind -> type.map(t -> t.attachmentLabels().getOrDefault(kind, kind)).orElse(kind)).toList();
        return missing.isEmpty() ? Check.pass("Dokumen wajib lengkap.")
                : Check.fail("Dokumen wajib belum ada: " + String.join(", ", missing) + ". Unggah fotonya atau bawa "
                        + "ke kantor desa.");
    }
}
