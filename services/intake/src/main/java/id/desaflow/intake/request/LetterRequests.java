package id.desaflow.intake.request;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface LetterRequests extends MongoRepository<LetterRequest, String> {
    Optional<LetterRequest> findByTrackingCode(String trackingCode);

    boolean existsByTrackingCode(String trackingCode);

    Optional<LetterRequest> findByOpenSlot(String openSlot);

    Optional<LetterRequest> findByIdempotencyKey(String idempotencyKey);

    List<LetterRequest> findTop50ByApplicantNikOrSubmittedByOrderByCreatedAtDesc(String nik, String submittedBy);

    List<LetterRequest> findTop50ByVillageCodeInOrderByCreatedAtDesc(Collection<String> villageCodes);
}
