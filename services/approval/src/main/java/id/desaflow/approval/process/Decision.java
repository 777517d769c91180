package id.desaflow.approval.process;

import java.util.Arrays;
import java.util.Optional;

/** What an official decides on an approval step; the BPMN gateways route on its name. */
public enum Decision {
    APPROVE, REJECT, REVISE;

    public boolean needsComment() {
        return this != APPROVE;
    }

    public static Optional<Decision> parse(String value) {
        return Arrays.stream(values()).filter(d -> d.name().equals(value)).findFirst();
    }
}
