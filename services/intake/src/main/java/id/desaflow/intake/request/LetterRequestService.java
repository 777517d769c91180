package id.desaflow.intake.request;

import id.desaflow.platform.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** The resident's use cases. Each saves the aggregate once: its new state and the events it caused, atomically. */
@Service
class LetterRequestService {
    private static final Logger log = LoggerFactory.getLogger(LetterRequestService.class);
    private static final Pattern TRACKING_CODE = Pattern.compile("[A-Z0-9-]{6,20}");
    private static final int ATTEMPTS = 5;

    private final LetterRequests requests;
    private final SubmissionRules rules;
    private final TrackingCodes trackingCodes;

    LetterRequestService(LetterRequests requests, SubmissionRules rules, TrackingCodes trackingCodes) {
        this.requests = requests;
        this.rules = rules;
        this.trackingCodes = trackingCodes;
    }

    LetterRequest submit(Bodies.Submission body, Channel channel, String actor) {
        SubmissionRules.ValidSubmission valid = rules.check(body, channel);
        for (int attempt = 1; ; attempt++) {
            LetterRequest request = LetterRequest.submit(UUID.randomUUID().toString(),
                    trackingCodes.next(valid.letterType().trackingPrefix()), valid.letterType().code(),
                    valid.village().code(), valid.applicant(), valid.data(), channel, actor, Instant.now());
            try {
                LetterRequest saved = requests.insert(request);
                log.info("Request {} submitted: {} {} via {} by {}", saved.id(), saved.trackingCode(),
                        saved.letterType(), channel, actor);
                return saved;
            } catch (DuplicateKeyException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.info("Tracking code {} already taken, drawing another", request.trackingCode());
            }
        }
    }

    LetterRequest find(String trackingCode) {
        // codes are stored upper-case; residents copy them from paper or SMS in any case
        String code = trackingCode == null ? "" : trackingCode.strip().toUpperCase(Locale.ROOT);
        Optional<LetterRequest> found = TRACKING_CODE.matcher(code).matches() ? requests.findByTrackingCode(code)
                : Optional.empty();
        return found.orElseThrow(() -> ProblemException.notFound("Permohonan " + trackingCode));
    }

    LetterRequest revise(String trackingCode, Bodies.Revision body) {
        LetterRequest current = find(trackingCode);
        Map<String, String> data = rules.checkData(current.letterType(), body.data());
        LetterRequest saved = change(current, r -> r.revise(data, Instant.now()));
        log.info("Request {} revised (revision {})", saved.id(), saved.revision());
        return saved;
    }

    LetterRequest cancel(String trackingCode, Bodies.Cancellation body) {
        String raw = body == null ? null : body.reason();
        InputProblems problems = new InputProblems();
        String reason = problems.text("reason", raw, false, 500, true);
        problems.throwIfAny();
        LetterRequest saved = change(find(trackingCode), r -> r.cancel(reason, Instant.now()));
        log.info("Request {} cancelled by the resident", saved.id());
        return saved;
    }

    /** Applies a command; if an event handler saved the request meanwhile, reloads and applies it again. */
    private LetterRequest change(LetterRequest request, Consumer<LetterRequest> command) {
        for (int attempt = 1; ; attempt++) {
            command.accept(request);
            try {
                return requests.save(request);
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                request = requests.findById(request.id()).orElseThrow();
            }
        }
    }
}
