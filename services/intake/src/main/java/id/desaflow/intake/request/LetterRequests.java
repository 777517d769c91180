package id.desaflow.intake.request;

import org.springframework.data.mongodb.repository.MongoRepository;

import java.util.Optional;

interface LetterRequests extends MongoRepository<LetterRequest, String> {
    Optional<LetterRequest> findByTrackingCode(String trackingCode);
}
