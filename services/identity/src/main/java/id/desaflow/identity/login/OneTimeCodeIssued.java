package id.desaflow.identity.login;

/**
 * A resident asked for a one-time code to set a new PIN: deliver {@code code} to the registered contact. An
 * in-process event, the seam for a real SMS/WhatsApp/email gateway (e.g. a listener handing it to the
 * notification service). The code is not stored in clear anywhere else and must never be logged.
 */
public record OneTimeCodeIssued(String accountId, String phone, String email, String code) {

    @Override
    public String toString() {
        return "OneTimeCodeIssued[accountId=" + accountId + "]";
    }
}
