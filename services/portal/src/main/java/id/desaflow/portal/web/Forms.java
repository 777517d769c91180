package id.desaflow.portal.web;

/** What the pages do with what people type into forms. */
public final class Forms {

    /** A field left empty (or only spaces) is "not given"; otherwise the value without surrounding spaces. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Forms() {
    }
}
