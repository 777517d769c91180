package id.desaflow.notification.recipient;

import id.desaflow.contracts.events.RequestRevised;
import id.desaflow.contracts.events.RequestSubmitted;
import id.desaflow.contracts.events.RequestVerified;

/**
 * What the events that carry an applicant tell us about whom to write to. The NIK only passes through: it becomes
 * the resident's key and is not stored.
 */
public record Contacts(String requestId, String nik, String name, String email, String phone, String trackingCode,
        String letterType, String villageCode, int revision) {

    public static Contacts of(RequestSubmitted e) {
        return new Contacts(e.requestId(), e.applicant().nik(), e.applicant().name(), e.applicant().email(),
                e.applicant().phone(), e.trackingCode(), e.letterType(), e.villageCode(), 0);
    }

    public static Contacts of(RequestRevised e) {
        return new Contacts(e.requestId(), e.applicant().nik(), e.applicant().name(), e.applicant().email(),
                e.applicant().phone(), e.trackingCode(), e.letterType(), e.villageCode(), e.revision());
    }

    public static Contacts of(RequestVerified e) {
        return new Contacts(e.requestId(), e.applicant().nik(), e.applicant().name(), e.applicant().email(),
                e.applicant().phone(), e.trackingCode(), e.letterType(), e.villageCode(), e.revision());
    }
}
