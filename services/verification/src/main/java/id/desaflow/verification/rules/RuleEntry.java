package id.desaflow.verification.rules;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One rule as a letter type uses it: its code, what its failure means, and its parameters from the rules file. */
record RuleEntry(String code, Outcome onFailure, JsonNode params) {

    Optional<String> text(String name) {
        JsonNode value = params.path(name);
        return value.isTextual() && !value.asText().isBlank() ? Optional.of(value.asText()) : Optional.empty();
    }

    String requiredText(String name) {
        return text(name).orElseThrow(() -> new IllegalStateException(code + " needs the text parameter " + name));
    }

    int requiredInt(String name, int min, int max) {
        JsonNode value = params.path(name);
        if (!value.isInt() || value.asInt() < min || value.asInt() > max) {
            throw new IllegalStateException(code + " needs the parameter " + name + ", a whole number " + min + "-"
                    + max);
        }
        return value.asInt();
    }

    Optional<List<String>> texts(String name) {
        JsonNode value = params.path(name);
        if (value.isMissingNode()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw new IllegalStateException(code + ": " + name + " must be a list of texts");
        }
        List<String> texts = new ArrayList<>();
        value.forEach(v -> texts.add(v.asText()));
        return Optional.of(List.copyOf(texts));
    }
}
