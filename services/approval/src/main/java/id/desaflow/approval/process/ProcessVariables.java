package id.desaflow.approval.process;

/** Names of the process variables the BPMN, the delegates and the inbox share. */
public final class ProcessVariables {
    public static final String REQUEST_ID = "requestId";
    public static final String TRACKING_CODE = "trackingCode";
    public static final String LETTER_TYPE = "letterType";
    public static final String VILLAGE_CODE = "villageCode";
    public static final String DUSUN = "dusun";
    /** The dusun as candidate groups spell it ({@code bandung-kidul}): the kepala dusun's group suffix. */
    public static final String DUSUN_SLUG = "dusunSlug";
    public static final String REVISION = "revision";
    /** Verification was inconclusive: the chain starts with the operator's manual check. */
    public static final String MANUAL_CHECK = "manualCheck";
    /** The ketua RT approves first (the village's choice instead of a paper cover letter). */
    public static final String RT_STEP = "rtStep";
    public static final String APPLICANT_NAME = "applicantName";
    public static final String APPLICANT_NIK = "applicantNik";
    /** The letter type's fields as one JSON object of strings. */
    public static final String DATA = "data";
    /** The official's decision on a task: APPROVE, REJECT or REVISE (see {@link Decision}). */
    public static final String DECISION = "decision";
    public static final String COMMENT = "comment";
    /** Task-local: the client address a decision came from (audit "from where"). */
    public static final String DECIDED_FROM = "decidedFrom";
    /** Task-local: the role the task waits for (kasi-pelayanan, sekdes, kades). */
    public static final String ROLE = "role";
    /** The last decided step, named in rejection and revision events. */
    public static final String LAST_TASK_NAME = "lastTaskName";
    /** Set when a rejection is not an official's decision (revision failed verification or timed out). */
    public static final String REJECTION_REASON = "rejectionReason";
    public static final String LETTER_NUMBER = "letterNumber";
    /** Verification's results for the officials (JSON array of CheckResult), refreshed on each revision. */
    public static final String CHECKS = "checks";
    /** Who signs the letter: {@code kades}, or {@code sekdes} when the village delegates ("a.n. Kepala Desa"). */
    public static final String SIGNER_ROLE = "signerRole";
    /** True when the signer signs on behalf of the kepala desa (a.n.). */
    public static final String ON_BEHALF = "onBehalf";
    /** Set by the deciding task: the user id who decided the final signature (the letter's signer). */
    public static final String SIGNED_BY = "signedBy";

    private ProcessVariables() {
    }
}
