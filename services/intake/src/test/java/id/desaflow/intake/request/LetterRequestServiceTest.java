package id.desaflow.intake.request;

import id.desaflow.platform.security.Actor;
import java.util.Set;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.desaflow.contracts.events.Applicant;
import id.desaflow.intake.access.Channel;
import id.desaflow.intake.attachment.AttachmentStore;
import id.desaflow.intake.catalogue.LetterType;
import id.desaflow.intake.catalogue.LetterTypes;
import id.desaflow.intake.village.Village;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class LetterRequestServiceTest {
    private static final Actor OPERATOR = Actor.official("operator-beji", null, "3309012004", Set.of("operator"), null);

    private static final byte[] BYTES = {1, 2, 3};

    private final LetterRequests requests = mock(LetterRequests.class);
    private final SubmissionRules rules = mock(SubmissionRules.class);
    private final TrackingCodes codes = mock(TrackingCodes.class);
    private final AttachmentStore store = mock(AttachmentStore.class);
    private final LetterRequestService service = new LetterRequestService(requests, rules, codes, store,
            mock(LetterTypes.class), new ObjectMapper());
    private final Bodies.Submission body = new Bodies.Submission(null, null, null, null, null);

    LetterRequestServiceTest() {
        when(rules.check(eq(body), any(), eq(Channel.ONLINE))).thenReturn(new SubmissionRules.ValidSubmission(
                new LetterType("surat-keterangan-usaha", "SKU", "Surat Keterangan Usaha", "Business Certificate",
                        "500", null, true, List.of(), List.of(), List.of()),
                new Village("3309012004", "Beji", "Andong", "Boyolali", "Jawa Tengah", List.of(), List.of()),
                new Applicant("3309014508900001", "Sri", null, null), Map.of(),
                List.of(new SubmissionRules.CheckedFile("ktp", "image/png", BYTES, "ab")), List.of()));
        when(store.store(anyString(), eq("ktp"), eq("image/png"), eq(BYTES), eq("ab"))).thenAnswer(call ->
                new AttachmentStore.StoredFile("file-1", call.getArgument(0), "ktp", "image/png", 3, "ab",
                        Instant.now()));
    }

    @Test
    void aTrackingCodeCollisionDrawsAnotherCodeAndKeepsTheFiles() {
        when(codes.next("SKU")).thenReturn("SKU-AAAAAA", "SKU-BBBBBB");
        when(requests.existsByTrackingCode("SKU-AAAAAA")).thenReturn(true);
        List<String> tried = new ArrayList<>();
        when(requests.insert(any(LetterRequest.class))).thenAnswer(call -> {
            LetterRequest r = call.getArgument(0);
            tried.add(r.trackingCode());
            if (r.trackingCode().equals("SKU-AAAAAA")) {
                throw new DuplicateKeyException("E11000 duplicate key trackingCode");
            }
            return r;
        });

        LetterRequestService.Submitted saved = service.submit(body, List.of(), Channel.ONLINE, OPERATOR, null);

        assertThat(tried).containsExactly("SKU-AAAAAA", "SKU-BBBBBB");
        assertThat(saved.accepted().trackingCode()).isEqualTo("SKU-BBBBBB");
        verify(store).confirm(List.of("file-1"));
    }

    @Test
    void filesOfARequestThatCouldNotBeSavedAreDeleted() {
        when(codes.next("SKU")).thenReturn("SKU-AAAAAA");
        when(requests.insert(any(LetterRequest.class))).thenThrow(new DataAccessResourceFailureException("down"));

        assertThatThrownBy(() -> service.submit(body, List.of(), Channel.ONLINE, OPERATOR, null))
                .isInstanceOf(DataAccessResourceFailureException.class);

        verify(store).delete(List.of("file-1"));
    }
}
