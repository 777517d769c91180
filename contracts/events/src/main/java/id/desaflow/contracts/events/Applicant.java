package id.desaflow.contracts.events;

/**
 * The resident a request is for. Carries personal data (NIK, phone, email), so it appears only in events whose
 * consumers need it: verification (NIK), notification (contacts) and approval (name and NIK on the letter).
 */
public record Applicant(String nik, String name, String phone, String email) {
}
