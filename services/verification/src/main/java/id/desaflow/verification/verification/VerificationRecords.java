package id.desaflow.verification.verification;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Verification records by request id (collection {@code verifications}). */
interface VerificationRecords extends MongoRepository<VerificationRecord, String> {
}
