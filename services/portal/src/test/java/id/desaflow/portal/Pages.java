package id.desaflow.portal;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What every rendered page must be, checked wherever a test renders one: under the 150 KB budget, in the page's
 * language, one main landmark, every form control labelled, no duplicate ids, no external asset.
 */
public final class Pages {
    /** The brief's budget for one rendered page. */
    public static final int MAX_PAGE_BYTES = 150 * 1024;

    private Pages() {
    }

    public static Document html(ResultActions result) throws Exception {
        return check(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    public static Document check(String html) {
        assertThat(html.getBytes(StandardCharsets.UTF_8).length).as("page size").isLessThan(MAX_PAGE_BYTES);
        Document page = Jsoup.parse(html);
        assertThat(page.selectFirst("html").attr("lang")).as("html lang").isIn("id", "en");
        assertThat(page.select("main#isi")).as("one main").hasSize(1);
        assertThat(page.select("h1")).as("one h1").hasSize(1);
        Set<String> ids = new HashSet<>();
        for (Element e : page.select("[id]")) {
            assertThat(ids.add(e.id())).as("duplicate id " + e.id()).isTrue();
        }
        for (Element control : page.select("input:not([type=hidden]), select, textarea")) {
            boolean labelled = !control.id().isEmpty() && !page.select("label[for=" + control.id() + "]").isEmpty();
            assertThat(labelled).as("label for " + control).isTrue();
        }
        for (Element described : page.select("[aria-describedby]")) {
            for (String id : described.attr("aria-describedby").split(" ")) {
                assertThat(page.getElementById(id)).as("aria-describedby target " + id).isNotNull();
            }
        }
        assertThat(page.select("script[src], link[href^=http], img[src^=http]")).as("external assets").isEmpty();
        return page;
    }

    /** "Masuk sebagai" the demo official, as the picker does; the session carries them from then on. */
    public static MockHttpSession signIn(MockMvc mvc, String officialId) throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/masuk").session(session).param("petugas", officialId)).andExpect(status().isSeeOther());
        return session;
    }
}
