package id.desaflow.verification.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static id.desaflow.verification.rules.RuleFixture.JSON;
import static id.desaflow.verification.rules.RuleFixture.LETTER_TYPES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules file is complete for the catalogue, and a file the service cannot honour stops it at start-up. */
class RuleCatalogueTest {

    private static RuleCatalogue catalogue(JsonNode file) {
        return new RuleCatalogue(file, RuleFixture.allRules(), LETTER_TYPES);
    }

    private static JsonNode edited(Consumer<ObjectNode> edit) {
        ObjectNode file = RuleFixture.rulesFile().deepCopy();
        edit.accept(file);
        return file;
    }

    @Test
    void everyLetterTypeOfTheCatalogueHasRulesStartingWithNikTerdaftar() {
        RuleCatalogue catalogue = catalogue(RuleFixture.rulesFile());

        assertThat(catalogue.letterTypes()).containsExactlyInAnyOrderElementsOf(LETTER_TYPES.codes());
        for (String type : LETTER_TYPES.codes()) {
            assertThat(catalogue.rulesFor(type)).as(type).isNotEmpty();
            assertThat(catalogue.rulesFor(type).get(0).code()).isEqualTo("nik-terdaftar");
        }
        assertThat(catalogue.rulesFor("surat-baru-belum-dikenal")).extracting(RuleCatalogue.Bound::code)
                .as("an unknown letter type gets the common rules").contains("nik-terdaftar", "lampiran-wajib")
                .doesNotContain("usia-minimal");
    }

    @Test
    void everyRuleTheServiceKnowsIsDeclaredWithItsFailureOutcome() {
        JsonNode declared = RuleFixture.rulesFile().path("rules");
        assertThat(RuleFixture.allRules()).allSatisfy(rule -> assertThat(declared.has(rule.code()))
                .as(rule.code()).isTrue());
        assertThat(declared.path("nik-terdaftar").path("onFailure").asText()).isEqualTo("REJECT");
        assertThat(declared.path("nama-sesuai").path("onFailure").asText()).isEqualTo("REVISE");
        assertThat(declared.path("data-lengkap").path("onFailure").asText()).isEqualTo("MANUAL");
    }

    @Test
    void anEntryMayOverrideTheOutcomeAndALetterTypeMaySkipACommonRule() {
        RuleCatalogue catalogue = catalogue(edited(file -> {
            ObjectNode sku = (ObjectNode) file.path("letterTypes").path("surat-keterangan-usaha");
            sku.putArray("skip").add("domisili-dusun");
            ((ObjectNode) sku.path("rules").get(0)).put("onFailure", "MANUAL");
        }));

        var rules = catalogue.rulesFor("surat-keterangan-usaha");
        assertThat(rules).extracting(RuleCatalogue.Bound::code).doesNotContain("domisili-dusun");
        assertThat(rules.stream().filter(b -> b.code().equals("usia-minimal")).findFirst().orElseThrow().entry()
                .onFailure()).isEqualTo(Outcome.MANUAL_CHECK);
    }

    @Test
    void refusesAFileItCannotHonour() {
        assertThatThrownBy(() -> catalogue(edited(f -> ((ObjectNode) f.path("rules")).putObject("nik-valid")
                .put("onFailure", "REJECT")))).hasMessageContaining("Unknown rule nik-valid");
        assertThatThrownBy(() -> catalogue(edited(f -> ((ObjectNode) f.path("rules").path("masih-hidup"))
                .put("onFailure", "TOLAK")))).hasMessageContaining("REJECT, REVISE or MANUAL");
        assertThatThrownBy(() -> catalogue(edited(f -> ((com.fasterxml.jackson.databind.node.ArrayNode)
                f.path("common")).remove(0)))).hasMessageContaining("common must contain nik-terdaftar");
        assertThatThrownBy(() -> catalogue(edited(f -> ((ObjectNode) f.path("letterTypes")
                .path("surat-pengantar-ktp")).putArray("skip").add("nik-terdaftar"))))
                .hasMessageContaining("may not skip nik-terdaftar");
        assertThatThrownBy(() -> catalogue(edited(f -> ((ObjectNode) f.path("letterTypes")
                .path("surat-pengantar-ktp").path("rules").get(0)).remove("minAge"))))
                .hasMessageContaining("surat-pengantar-ktp").hasMessageContaining("minAge");
        assertThatThrownBy(() -> catalogue(edited(f -> ((ObjectNode) f.path("letterTypes")
                .path("surat-keterangan-kematian").path("rules").get(1)).put("field", "nikAlmarhm"))))
                .hasMessageContaining("nikAlmarhm is not a field of surat-keterangan-kematian");
        assertThatThrownBy(() -> catalogue(edited(f -> ((com.fasterxml.jackson.databind.node.ArrayNode)
                f.path("letterTypes").path("surat-keterangan-usaha").path("rules")).addObject()
                .put("rule", "masih-hidup")))).hasMessageContaining("masih-hidup listed twice");
        assertThatThrownBy(() -> catalogue(edited(f -> ((ObjectNode) f.path("rules")).remove("belum-menikah"))))
                .hasMessageContaining("belum-menikah is not declared");
    }

    @Test
    void theFileIsValidJsonWithItsOwnDocumentation() throws Exception {
        JsonNode file = JSON.readTree(new java.io.File("../../workflows/catalogue/verification-rules.json"));
        assertThat(file).isEqualTo(RuleFixture.rulesFile()).as("the classpath copy is the workflows/catalogue file");
        assertThat(file.path("$comment").asText()).contains("REJECT", "REVISE", "MANUAL");
    }
}
