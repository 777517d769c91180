package id.desaflow.intake.catalogue;

import com.fasterxml.jackson.databind.JsonNode;
import id.desaflow.intake.ServiceTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogueApiTest extends ServiceTestSupport {

    @Test
    void listsTheLetterTypesWithTheirFields() {
        Response response = get("/api/v1/letter-types");

        assertThat(response.status()).isEqualTo(200);
        JsonNode sku = response.json().get(0);
        assertThat(sku.get("code").asText()).isEqualTo(SKU);
        assertThat(sku.get("label").asText()).isEqualTo("Surat Keterangan Usaha");
        assertThat(sku.get("labelEn").asText()).isEqualTo("Business Certificate");
        assertThat(sku.get("classificationCode").asText()).isEqualTo("500");
        assertThat(sku.get("workflow").asText()).isEqualTo(SKU);
        assertThat(sku.get("onlineAllowed").asBoolean()).isTrue();
        assertThat(sku.get("fields").findValuesAsText("name"))
                .containsExactly("namaUsaha", "jenisUsaha", "alamatUsaha", "mulaiUsaha", "keperluan");
    }

    @Test
    void givesOneLetterTypeOrA404Problem() {
        JsonNode sku = get("/api/v1/letter-types/" + SKU).json();
        JsonNode mulai = sku.get("fields").get(3);
        assertThat(mulai.get("label").asText()).isEqualTo("Tahun mulai usaha");
        assertThat(mulai.get("required").asBoolean()).isFalse();
        assertThat(mulai.get("kind").asText()).isEqualTo("year");
        assertThat(mulai.get("min").asInt()).isEqualTo(1950);

        Response unknown = get("/api/v1/letter-types/surat-sakti");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.get("detail").asText()).isEqualTo("Jenis surat surat-sakti tidak ditemukan");
    }

    @Test
    void givesTheVillageOrA404Problem() {
        JsonNode beji = get("/api/v1/villages/" + BEJI).json();
        assertThat(beji.get("name").asText()).isEqualTo("Beji");
        assertThat(beji.get("kecamatan").asText()).isEqualTo("Andong");
        assertThat(beji.get("kabupaten").asText()).isEqualTo("Boyolali");
        assertThat(beji.get("provinsi").asText()).isEqualTo("Jawa Tengah");
        assertThat(beji.get("dusun").toString()).isEqualTo("[\"Beji\",\"Bulu\",\"Candi\",\"Bandung\",\"Bandung Kidul\"]");
        assertThat(beji.get("enabledLetterTypes").get(0).asText()).isEqualTo(SKU);

        Response unknown = get("/api/v1/villages/3309012099");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }
}
