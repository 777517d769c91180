package id.desaflow.verification.rules;

/** Verification's own view of the requests still in progress, built from intake's and approval's events. */
public interface OpenRequests {

    /** Whether another request than {@code requestId} of this letter type by this NIK is still open. */
    boolean otherOpen(String nik, String letterType, String requestId);
}
