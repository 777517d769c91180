package id.desaflow.verification.registry;

import id.desaflow.verification.ServiceTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static id.desaflow.verification.TestResidents.resident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Search, view and correction of the registry, as the counter and the village administrator use them. */
class RegistryApiTest extends ServiceTestSupport {
    private static final String REGISTRY = "/api/v1/registry/{village}";

    @Autowired
    MockMvc mvc;

    @Test
    void searchByPartOfTheNameIgnoresCaseAndAccentsAndMasksNikAndKk() throws Exception {
        mvc.perform(search(BEJI, "{\"q\":\"WAHYÚNI\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].name").value("Sri Wahyuni"))
                .andExpect(jsonPath("$[0].nik").value("3309**********02"))
                .andExpect(jsonPath("$[0].kkNumber").value("3309**********01"))
                .andExpect(jsonPath("$[0].birthDate").value("1979-08-21"))
                .andExpect(jsonPath("$[0].dusun").value("Beji"))
                .andExpect(jsonPath("$[0].rt").value("001"))
                .andExpect(jsonPath("$[0].alive").value(true))
                .andExpect(content().string(not(containsString(SRI_NIK))));
    }

    @Test
    void searchByTheFullNikShowsItAndSearchStaysInTheVillage() throws Exception {
        mvc.perform(search(BEJI, query(SRI_NIK)))
                .andExpect(jsonPath("$[0].nik").value(SRI_NIK))
                .andExpect(jsonPath("$[0].kkNumber").value("3309011504120001"));
        mvc.perform(search(BEJI, query(OTHER_VILLAGE_NIK))).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(search(BEJI, query("330901170238")))
                .andExpect(jsonPath("$[0].name").value("Wiryo Sumarto"))
                .andExpect(jsonPath("$[0].alive").value(false));
    }

    @Test
    void searchPagesThroughTheVillageSortedByName() throws Exception {
        String village = "3309012011"; // of this test alone
        registered(resident("Citra").village(village));
        registered(resident("agus").village(village));
        registered(resident("Bayu").village(village));
        String operator = "desa:" + village + ":operator";
        mvc.perform(search(village, "{}").header("X-DesaFlow-Groups", operator)).andExpect(jsonPath("$[*].name").value(
                org.hamcrest.Matchers.contains("agus", "Bayu", "Citra")));
        mvc.perform(search(village, "{\"page\":1,\"size\":2}").header("X-DesaFlow-Groups", operator))
                .andExpect(jsonPath("$.length()").value(1)).andExpect(jsonPath("$[0].name").value("Citra"));
        mvc.perform(search(BEJI, "{\"size\":500,\"page\":-1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("page",
                        "size")));
    }

    @Test
    void aResidentIsShownInFullToWhoeverNamesTheNik() throws Exception {
        mvc.perform(json("/residents/lookup", nik("3309011203750001")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Sutrisno"))
                .andExpect(jsonPath("$.relation").value("KEPALA_KELUARGA"))
                .andExpect(jsonPath("$.maritalStatus").value("KAWIN"))
                .andExpect(jsonPath("$.welfare").value("MENENGAH"))
                .andExpect(jsonPath("$.villageCode").value(BEJI));
        mvc.perform(json("/residents/lookup", nik(OTHER_VILLAGE_NIK))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value(not(containsString(OTHER_VILLAGE_NIK))));
        mvc.perform(json("/residents/lookup", nik("123"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("nik"));
    }

    @Test
    void aCorrectionChangesOnlyTheFieldsGivenAndIsAuditedWithWhoWhenWhyBeforeAndAfter() throws Exception {
        Resident warga = registered(resident("Darmanto Lama").dusun("Bandung").rtRw("016", "004"));

        mvc.perform(json("/residents/corrections", "{\"nik\":\"" + warga.nik() + "\",\"name\":\"Darmanto\",\"rt\":\"17\",\"occupation\":\"\","
                                + "\"reason\":\"Sesuai KK terbaru\"}").header("X-DesaFlow-User", "operator.beji"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Darmanto"))
                .andExpect(jsonPath("$.rt").value("017"))
                .andExpect(jsonPath("$.rw").value("004"))
                .andExpect(jsonPath("$.occupation").doesNotExist())
                .andExpect(jsonPath("$.changes").value(1));

        mvc.perform(json("/residents/history", nik(warga.nik())))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].actor").value("operator.beji"))
                .andExpect(jsonPath("$[0].source").value("KOREKSI"))
                .andExpect(jsonPath("$[0].reason").value("Sesuai KK terbaru"))
                .andExpect(jsonPath("$[0].at").isNotEmpty())
                .andExpect(jsonPath("$[0].changes[0].field").value("name"))
                .andExpect(jsonPath("$[0].changes[0].before").value("Darmanto Lama"))
                .andExpect(jsonPath("$[0].changes[0].after").value("Darmanto"))
                .andExpect(jsonPath("$[0].changes[1].field").value("rt"))
                .andExpect(jsonPath("$[0].changes[2].field").value("occupation"))
                .andExpect(jsonPath("$[0].changes[2].after").doesNotExist());
        mvc.perform(search(BEJI, query("darmanto")))
                .andExpect(jsonPath("$[*].name").value(org.hamcrest.Matchers.hasItem("Darmanto")));
    }

    @Test
    void aCorrectionWithBadValuesNamesEachFieldAndChangesNothing() throws Exception {
        Resident warga = registered(resident("Tetap Sama"));

        mvc.perform(json("/residents/corrections", "{\"nik\":\"" + warga.nik() + "\",\"birthDate\":\"31-02-1990\",\"status\":\"ENTAH\",\"name\":\"\",\"rt\":\"1000\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("name",
                        "birthDate", "rt", "status", "reason")));
        mvc.perform(json("/residents/corrections", "{\"nik\":\"" + warga.nik() + "\",\"villageCode\":\"3309012005\",\"reason\":\"pindah\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("villageCode"));
        mvc.perform(json("/residents/corrections", "{\"nik\":\"" + warga.nik() + "\",\"reason\":\"tidak ada isian\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("body"));

        Resident unchanged = registry.findByNik(warga.nik()).orElseThrow();
        assertThat(unchanged.name()).isEqualTo("Tetap Sama");
        assertThat(unchanged.history()).isEmpty();
    }

    @Test
    void aFamilyListsItsMembersFromTheirOwnEntries() throws Exception {
        mvc.perform(json("/families/lookup", "{\"kkNumber\":\"3309011504120001\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.headName").value("Sutrisno"))
                .andExpect(jsonPath("$.members.length()").value(4))
                .andExpect(jsonPath("$.members[0].name").value("Sutrisno"));
        mvc.perform(json("/families/lookup", "{\"kkNumber\":\"3309019999999999\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void noNikOrKkNumberTravelsInAUrl() throws Exception {
        // the look-ups by NIK exist only as POSTs with the NIK in the body
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        REGISTRY + "/residents/{nik}", BEJI, SRI_NIK))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(404, 405));
        mvc.perform(json("/residents/lookup", "{}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("nik"));
    }

    private MockHttpServletRequestBuilder search(String village, String body) {
        return post(REGISTRY + "/residents/search", village).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private MockHttpServletRequestBuilder json(String path, String body) {
        return post(REGISTRY + path, BEJI).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static String query(String q) {
        return "{\"q\":\"" + q + "\"}";
    }

    private static String nik(String nik) {
        return "{\"nik\":\"" + nik + "\"}";
    }
}
