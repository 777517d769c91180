package id.desaflow.intake.catalogue;

import id.desaflow.contracts.events.LetterTypeChanged;
import id.desaflow.platform.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One village's version of one letter type (issue 8): the full definition intake checks requests against, the
 * letter's wording, whether the village offers it, and every earlier version's who/when/what. Without this document
 * the shipped definition applies (version 0); each change is the next version and publishes {@link
 * LetterTypeChanged} from the document's own outbox, so state, history and event are one write. The id is the
 * event key, {@code <villageCode>:<letterType>}.
 */
@Document("village_letter_types")
class VillageLetterType extends AggregateRoot {
    @Id
    private String id;
    @Indexed // a village's page lists all its letter types at once
    private String villageCode;
    private String letterType;
    /** The village's version of the letter type (1, 2, ...); not the document's optimistic-lock version. */
    private int number;
    private boolean offered;
    private LetterType definition;
    private LetterTexts.LetterText text;
    private String changedBy;
    private Instant changedAt;
    private List<Change> history = new ArrayList<>();

    /** One version: who made it, when, and what changed in a short Indonesian phrase; {@code offered} if switched. */
    record Change(int version, String changedBy, Instant changedAt, String summary, Boolean offered) {
    }

    private VillageLetterType() {
        // for the MongoDB mapping
    }

    /** The shipped definition as the village offers it now, not yet stored: the start of its first change. */
    static VillageLetterType shipped(String villageCode, LetterType shipped, LetterTexts.LetterText text,
            boolean offered) {
        VillageLetterType type = new VillageLetterType();
        type.villageCode = villageCode;
        type.letterType = shipped.code();
        type.id = key(villageCode, shipped.code());
        type.definition = shipped;
        type.text = text;
        type.offered = offered;
        return type;
    }

    static String key(String villageCode, String letterType) {
        return LetterTypeChanged.key(villageCode, letterType);
    }

    void redefine(LetterType newDefinition, LetterTexts.LetterText newText, String actor, Instant now) {
        if (!newDefinition.code().equals(letterType)) {
            throw new IllegalArgumentException("A letter type cannot become another: " + newDefinition.code());
        }
        String summary = summary(definition, text, newDefinition, newText);
        definition = newDefinition;
        text = newText;
        next(actor, now, summary, null);
    }

    void reset(LetterType shipped, LetterTexts.LetterText shippedText, String actor, Instant now) {
        definition = shipped;
        text = shippedText;
        next(actor, now, "Dikembalikan ke definisi bawaan", null);
    }

    void offer(boolean offer, String actor, Instant now) {
        offered = offer;
        next(actor, now, offer ? "Layanan diaktifkan" : "Layanan dinonaktifkan", offer);
    }

    private void next(String actor, Instant now, String summary, Boolean switched) {
        number++;
        changedBy = Objects.requireNonNull(actor, "actor");
        changedAt = now;
        history.add(new Change(number, actor, now, summary, switched));
        publish(new LetterTypeChanged(villageCode, letterType, number, definition.label(), definition.labelEn(),
                definition.classificationCode(), offered,
                definition.fields().stream().map(f -> new LetterTypeChanged.Field(f.name(), f.label(), f.labelEn()))
                        .toList(),
                definition.attachments().stream().map(a -> new LetterTypeChanged.Document(a.kind(), a.label(),
                        a.required())).toList(),
                text.title(), text.statement(), actor, now));
    }

    /** "Kode klasifikasi 474.2 → 474.21; isian ditambah: Nama calon pasangan; isi surat diubah". */
    static String summary(LetterType before, LetterTexts.LetterText beforeText, LetterType after,
            LetterTexts.LetterText afterText) {
        List<String> parts = new ArrayList<>();
        if (!before.label().equals(after.label()) || !before.labelEn().equals(after.labelEn())) {
            parts.add("nama surat diubah menjadi " + after.label());
        }
        if (!Objects.equals(before.classificationCode(), after.classificationCode())) {
            parts.add("kode klasifikasi " + before.classificationCode() + " → " + after.classificationCode());
        }
        if (!before.requirements().equals(after.requirements())) {
            parts.add("persyaratan diubah");
        }
        changes(parts, "isian", before.fields(), after.fields(), LetterField::name, LetterField::label);
        changes(parts, "dokumen", before.attachments(), after.attachments(), AttachmentSpec::kind,
                AttachmentSpec::label);
        if (!beforeText.title().equals(afterText.title())) {
            parts.add("judul surat diubah");
        }
        if (!beforeText.statement().equals(afterText.statement())) {
            parts.add("isi surat diubah");
        }
        if (parts.isEmpty()) {
            return "Disimpan tanpa perubahan";
        }
        String joined = String.join("; ", parts);
        return Character.toUpperCase(joined.charAt(0)) + joined.substring(1);
    }

    private static <T> void changes(List<String> parts, String what, List<T> before, List<T> after,
            Function<T, String> key, Function<T, String> label) {
        List<String> beforeKeys = before.stream().map(key).toList();
        List<String> afterKeys = after.stream().map(key).toList();
        List<String> added = after.stream().filter(t -> !beforeKeys.contains(key.apply(t))).map(label).toList();
        List<String> removed = before.stream().filter(t -> !afterKeys.contains(key.apply(t))).map(label).toList();
        List<String> changed = after.stream().filter(t -> before.stream().anyMatch(b -> key.apply(b)
                .equals(key.apply(t)) && !b.equals(t))).map(label).toList();
        if (!added.isEmpty()) {
            parts.add(what + " ditambah: " + String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            parts.add(what + " dihapus: " + String.join(", ", removed));
        }
        if (!changed.isEmpty()) {
            parts.add(what + " diubah: " + String.join(", ", changed));
        }
        if (added.isEmpty() && removed.isEmpty()
                && !beforeKeys.equals(afterKeys)) {
            parts.add("urutan " + what + " diubah");
        }
    }

    @Override
    protected String eventKey() {
        return id;
    }

    String villageCode() {
        return villageCode;
    }

    String letterType() {
        return letterType;
    }

    int number() {
        return number;
    }

    boolean offered() {
        return offered;
    }

    LetterType definition() {
        return definition;
    }

    LetterTexts.LetterText text() {
        return text;
    }

    String changedBy() {
        return changedBy;
    }

    Instant changedAt() {
        return changedAt;
    }

    /** @return every version, oldest first */
    List<Change> history() {
        return List.copyOf(history);
    }
}
