package id.desaflow.intake.catalogue;

import id.desaflow.intake.village.Village;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A kind of letter (jenis surat) as catalogue data: {@code code} is also the BPMN process id of its approval chain
 * ({@code workflow}), {@code trackingPrefix} starts its tracking codes, {@code classificationCode} starts its letter
 * numbers, {@code onlineAllowed} false keeps letters that carry another person's data at the counter.
 */
@Schema(description = "A letter type (jenis surat) of the catalogue")
public record LetterType(String code, String trackingPrefix, String label, String labelEn, String classificationCode,
        String workflow, boolean onlineAllowed, List<String> requirements, List<LetterField> fields,
        List<AttachmentSpec> attachments) {

    public LetterType {
        Objects.requireNonNull(code, "letter type code");
        if (!code.matches("[a-z0-9-]{3,64}")) {
            throw new IllegalArgumentException("Letter type code must match the event schema: " + code);
        }
        if (trackingPrefix == null || !trackingPrefix.matches("[A-Z]{2,6}")) {
            throw new IllegalArgumentException("trackingPrefix of " + code + " must be 2-6 capital letters");
        }
        Objects.requireNonNull(label, "label of " + code);
        workflow = workflow == null ? code : workflow;
        requirements = requirements == null ? List.of() : List.copyOf(requirements);
        fields = fields == null ? List.of() : List.copyOf(fields);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        if (fields.stream().map(LetterField::name).filter(new HashSet<>()::add).count() != fields.size()) {
            throw new IllegalArgumentException("Duplicate field name in letter type " + code);
        }
        if (attachments.stream().map(AttachmentSpec::kind).filter(new HashSet<>()::add).count()
                != attachments.size()) {
            throw new IllegalArgumentException("Duplicate attachment kind in letter type " + code);
        }
    }

    public Optional<LetterField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public Optional<AttachmentSpec> attachment(String kind) {
        return attachments.stream().filter(a -> a.kind().equals(kind)).findFirst();
    }

    /** This letter type as the village asks for it: documents it does not require become optional. */
    public LetterType in(Village village) {
        if (village == null || attachments.stream().allMatch(a -> !a.required() || village.requires(a.kind()))) {
            return this;
        }
        return new LetterType(code, trackingPrefix, label, labelEn, classificationCode, workflow, onlineAllowed,
                requirements, fields, attachments.stream().map(a -> a.required() && !village.requires(a.kind())
                        ? new AttachmentSpec(a.kind(), a.label(), a.labelEn(), false, a.maxBytes(), a.contentTypes(),
                        a.help()) : a).toList());
    }
}
