package id.desaflow.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every service gets the same answers for bad input: 400/413 problem+json naming the field, never a 500. */
@SpringBootTest(classes = ProblemDetailsTest.App.class, properties = {
        "spring.kafka.admin.auto-create=false",
        "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration,"
                + "org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration",
        "spring.main.banner-mode=off", "spring.application.name=platform-web-test"})
@AutoConfigureMockMvc
class ProblemDetailsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void missingAndMistypedQueryParametersAreNamed() throws Exception {
        mvc.perform(get("/api/things")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        mvc.perform(get("/api/things").param("page", "abc")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"))
                .andExpect(jsonPath("$.errors[0].message").value("Format isian salah"));
        mvc.perform(get("/api/things").param("page", "2")).andExpect(status().isOk());
    }

    @Test
    void jsonThatIsNotUtf8IsRefusedEvenWhereJacksonWouldGuess() throws Exception {
        byte[] body = {'{', '"', 'n', 'a', (byte) 0xFF, 'm', 'e', '"', ':', '"', 'x', '"', '}'};
        mvc.perform(post("/api/things").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("body"));
        mvc.perform(post("/api/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"Sri\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void aMissingMultipartPartIsNamed() throws Exception {
        mvc.perform(multipart("/api/uploads").file(new MockMultipartFile("other", new byte[] {1})))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("ktp"));
    }

    @Test
    void aBrokenMultipartBodyIsA400NotA500() throws Exception {
        mvc.perform(post("/api/uploads").contentType("multipart/form-data; boundary=xyz").content("--xyz\r\ngarbage"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @SpringBootApplication
    @RestController
    static class App {
        record Thing(String name) {
        }

        @GetMapping("/api/things")
        String list(@RequestParam int page) {
            return "ok";
        }

        @PostMapping("/api/things")
        String create(@RequestBody Thing thing) {
            return thing.name();
        }

        @PostMapping("/api/uploads")
        String upload(@RequestPart("ktp") MultipartFile ktp) {
            return "ok";
        }
    }
}
