package id.desaflow.intake.request;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.Optional;

interface LetterRequests extends MongoRepository<LetterRequest, String> {
    Optional<LetterRequest> findByTrackingCode(String trackingCode);

    boolean existsByTrackingCode(String trackingCode);

    Optional<LetterRequest> findByOpenSlot(String openSlot);

    Optional<LetterRequest> findByIdempotencyKey(String idempotencyKey);
}
