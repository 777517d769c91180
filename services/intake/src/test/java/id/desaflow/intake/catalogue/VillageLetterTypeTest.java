package id.desaflow.intake.catalogue;

import id.desaflow.contracts.events.EventJson;
import id.desaflow.contracts.events.EventSchemas;
import id.desaflow.contracts.events.EventType;
import id.desaflow.contracts.events.LetterTypeChanged;
import id.desaflow.platform.outbox.OutboxMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A village's version of a letter type: each change is the next version, says what changed, and tells the others. */
class VillageLetterTypeTest {
    private static final LetterField KEPERLUAN = new LetterField("keperluan", "Keperluan surat", null, true,
            FieldKind.TEXT, 200, null, null, null, null, null, null, null, null);
    private static final AttachmentSpec KTP = new AttachmentSpec("ktp", "KTP pemohon", null, true, null, null, null);
    private static final LetterType SHIPPED = new LetterType("surat-keterangan-penghasilan", "PGH",
            "Surat Keterangan Penghasilan", "Certificate of Income", "500", null, true, List.of("Fotokopi KTP"),
            List.of(KEPERLUAN), List.of(KTP));
    private static final LetterTexts.LetterText TEXT = new LetterTexts.LetterText("SURAT KETERANGAN PENGHASILAN",
            "Penduduk Desa {desa} untuk keperluan {keperluan}.");
    private static final Instant NOW = Instant.parse("2026-11-23T03:00:00Z");

    @Test
    void fieldsAndDocumentsALaterReleaseShipsJoinAVersionSavedBefore() {
        VillageLetterType type = VillageLetterType.shipped("3309012004", SHIPPED, TEXT, true);
        type.redefine(SHIPPED, TEXT, "admin-beji", NOW);
        LetterField income = new LetterField("penghasilan", "Penghasilan per bulan", null, true, FieldKind.NUMBER,
                null, 0L, null, null, null, null, null, null, null);
        AttachmentSpec slip = new AttachmentSpec("slip-gaji", "Slip gaji", null, false, null, null, null);
        LetterType nextRelease = new LetterType(SHIPPED.code(), "PGH", SHIPPED.label(), SHIPPED.labelEn(), "500", null,
                true, SHIPPED.requirements(), List.of(KEPERLUAN, income), List.of(KTP, slip));

        LetterType now = VillageLetterTypes.offer(type, nextRelease).letterType();

        assertThat(now.fields()).extracting(LetterField::name).containsExactly("keperluan", "penghasilan");
        assertThat(now.attachments()).extracting(AttachmentSpec::kind).containsExactly("ktp", "slip-gaji");
        assertThat(now.field("penghasilan").orElseThrow().required()).isTrue();
    }

    @Test
    void eachChangeIsTheNextVersionWithItsSummaryAndItsEvent() {
        VillageLetterType type = VillageLetterType.shipped("3309012004", SHIPPED, TEXT, true);
        List<LetterField> fields = new ArrayList<>(SHIPPED.fields());
        fields.add(0, new LetterField("tempatBekerja", "Nama tempat bekerja", null, true, FieldKind.TEXT, 100, null,
                null, null, null, null, null, null, null));
        LetterType changed = new LetterType(SHIPPED.code(), "PGH", SHIPPED.label(), SHIPPED.labelEn(), "500.9", null,
                true, SHIPPED.requirements(), fields, SHIPPED.attachments());

        type.redefine(changed, new LetterTexts.LetterText(TEXT.title(), TEXT.statement() + " {tempatBekerja}"),
                "admin-beji", NOW);
        type.offer(false, "admin-beji-2", NOW.plusSeconds(60));
        type.reset(SHIPPED, TEXT, "admin-beji", NOW.plusSeconds(120));

        assertThat(type.history()).extracting(VillageLetterType.Change::summary).containsExactly(
                "Kode klasifikasi 500 → 500.9; isian ditambah: Nama tempat bekerja; isi surat diubah",
                "Layanan dinonaktifkan", "Dikembalikan ke definisi bawaan");
        assertThat(type.number()).isEqualTo(3);
        List<LetterTypeChanged> events = type.pendingEvents().stream().map(VillageLetterTypeTest::payload).toList();
        assertThat(events).extracting(LetterTypeChanged::version).containsExactly(1, 2, 3);
        assertThat(events.get(0).fields()).extracting(LetterTypeChanged.Field::name)
                .containsExactly("tempatBekerja", "keperluan");
        assertThat(events.get(1).offered()).isFalse();
        assertThat(events.get(1).classificationCode()).isEqualTo("500.9");
        assertThat(events.get(2).classificationCode()).isEqualTo("500");
        assertThat(events.get(2).offered()).isFalse();
        assertThat(type.pendingEvents()).extracting(OutboxMessage::key).containsOnly(
                "3309012004:surat-keterangan-penghasilan");
        type.pendingEvents().forEach(m -> assertThat(EventSchemas.violations(EventType.LETTER_TYPE_CHANGED,
                m.payload().getBytes(StandardCharsets.UTF_8))).isEmpty());
    }

    @Test
    void aLetterTypeCannotBecomeAnother() {
        VillageLetterType type = VillageLetterType.shipped("3309012004", SHIPPED, TEXT, true);
        LetterType other = new LetterType("surat-keterangan-usaha", "SKU", "SKU", null, "500", null, true, null, null,
                null);

        assertThatThrownBy(() -> type.redefine(other, TEXT, "admin-beji", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(type.pendingEvents()).isEmpty();
    }

    private static LetterTypeChanged payload(OutboxMessage message) {
        return EventJson.fromBytes(message.payload().getBytes(StandardCharsets.UTF_8), LetterTypeChanged.class);
    }
}
