package id.desaflow.platform.identity;

/** Masks personal data for logs, events and screens that do not need it in full. */
public final class Masking {

    /** {@code 3309014508900001} becomes {@code 3309**********01}. */
    public static String nik(String nik) {
        if (nik == null || nik.length() < 8) {
            return "****";
        }
        return nik.substring(0, 4) + "*".repeat(nik.length() - 6) + nik.substring(nik.length() - 2);
    }

    /** {@code 081234567890} becomes {@code 0812****7890}. */
    public static String phone(String phone) {
        if (phone == null || phone.length() < 8) {
            return "****";
        }
        return phone.substring(0, 4) + "*".repeat(phone.length() - 8) + phone.substring(phone.length() - 4);
    }

    /** {@code sri@example.id} becomes {@code s**@e******.id}. */
    public static String email(String email) {
        if (email == null || !email.contains("@")) {
            return "****";
        }
        String local = email.substring(0, email.indexOf('@'));
        String domain = email.substring(email.indexOf('@') + 1);
        int dot = domain.lastIndexOf('.');
        String host = dot > 0 ? domain.substring(0, dot) : domain;
        String tld = dot > 0 ? domain.substring(dot) : "";
        return first(local) + "@" + first(host) + tld;
    }

    private static String first(String s) {
        return s.isEmpty() ? "" : s.charAt(0) + "*".repeat(Math.max(1, s.length() - 1));
    }

    private Masking() {
    }
}
