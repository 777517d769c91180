package id.desaflow.intake.catalogue;

/**
 * The outcome of checking one typed value: the value to store (normalised, e.g. a phone number as +62...) or the
 * Indonesian sentence saying what is wrong. Both null means "optional and left empty".
 */
public record Checked(String value, String problem) {
    static final Checked EMPTY = new Checked(null, null);

    static Checked ok(String value) {
        return new Checked(value, null);
    }

    static Checked refused(String problem) {
        return new Checked(null, problem);
    }

    public boolean refused() {
        return problem != null;
    }
}
