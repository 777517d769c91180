package id.desaflow.intake.request;

import id.desaflow.contracts.events.Applicant;
import id.desaflow.intake.catalogue.LetterType;
import id.desaflow.intake.village.Village;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class LetterRequestServiceTest {

    @Test
    void aTrackingCodeCollisionDrawsAnotherCode() {
        LetterRequests requests = mock(LetterRequests.class);
        SubmissionRules rules = mock(SubmissionRules.class);
        TrackingCodes codes = mock(TrackingCodes.class);
        Bodies.Submission body = new Bodies.Submission(null, null, null, null);
        when(rules.check(body, Channel.ONLINE)).thenReturn(new SubmissionRules.ValidSubmission(
                new LetterType("surat-keterangan-usaha", "SKU", "Surat Keterangan Usaha", "Business Certificate",
                        "500", "surat-keterangan-usaha", true, List.of(), List.of()),
                new Village("3309012004", "Beji", "Andong", "Boyolali", "Jawa Tengah", List.of(), List.of()),
                new Applicant("3309014508900001", "Sri", null, null), Map.of()));
        when(codes.next("SKU")).thenReturn("SKU-AAAAAA", "SKU-BBBBBB");
        List<String> tried = new ArrayList<>();
        when(requests.insert(any(LetterRequest.class))).thenAnswer(call -> {
            LetterRequest r = call.getArgument(0);
            tried.add(r.trackingCode());
            if (r.trackingCode().equals("SKU-AAAAAA")) {
                throw new DuplicateKeyException("E11000 duplicate key trackingCode");
            }
            return r;
        });

        LetterRequest saved = new LetterRequestService(requests, rules, codes).submit(body, Channel.ONLINE, "demo");

        assertThat(tried).containsExactly("SKU-AAAAAA", "SKU-BBBBBB");
        assertThat(saved.trackingCode()).isEqualTo("SKU-BBBBBB");
        assertThat(saved.pendingEvents()).singleElement()
                .satisfies(m -> assertThat(m.payload()).contains("SKU-BBBBBB").doesNotContain("SKU-AAAAAA"));
    }
}
