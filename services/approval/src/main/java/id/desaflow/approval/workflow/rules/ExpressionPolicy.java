package id.desaflow.approval.workflow.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The only expressions ({@code ${...}} / {@code #{...}}) a deployed file may contain. JUEL can call any public
 * method of any bean or variable, so an uploaded BPMN with expressions is code; this allows values and
 * comparisons only: identifiers, string/number/boolean/null literals, {@code == != eq ne && || and or ! not empty},
 * parentheses, {@code a ? b : c}, and a short list of calls the shipped workflows need (reading/setting a variable
 * by a literal name, the deadlines bean, the business key). Anything else is refused, with the reason.
 */
final class ExpressionPolicy {
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "eq", "ne", "empty", "true", "false",
            "null");

    private ExpressionPolicy() {
    }

    /** Why the text is refused (an expression in it is not allowed or not closed), or empty when it is fine. */
    static Optional<String> problem(String text) {
        for (int i = 0; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if ((c == '$' || c == '#') && text.charAt(i + 1) == '{') {
                int end = end(text, i + 2);
                if (end < 0) {
                    return Optional.of("ekspresi tidak ditutup dengan '}'");
                }
                String body = text.substring(i + 2, end);
                try {
                    new Parser(tokens(body)).expression();
                } catch (IllegalArgumentException e) {
                    return Optional.of("ekspresi '" + c + "{" + body + "}' tidak diizinkan: " + e.getMessage());
                }
                i = end;
            }
        }
        return Optional.empty();
    }

    /** Index of the '}' closing an expression body that starts at {@code from}, skipping string literals. */
    private static int end(String text, int from) {
        char quote = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '}') {
                return i;
            }
        }
        return -1;
    }

    private enum Kind { IDENT, STRING, NUMBER, SYMBOL }

    private record Token(Kind kind, String text) {
    }

    private static List<Token> tokens(String body) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < body.length() && (Character.isLetterOrDigit(body.charAt(i)) || body.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(Kind.IDENT, body.substring(start, i)));
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < body.length() && (Character.isDigit(body.charAt(i)) || body.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Kind.NUMBER, body.substring(start, i)));
            } else if (c == '\'' || c == '"') {
                StringBuilder value = new StringBuilder();
                i++;
                while (i < body.length() && body.charAt(i) != c) {
                    if (body.charAt(i) == '\\' && i + 1 < body.length()) {
                        i++;
                    }
                    value.append(body.charAt(i++));
                }
                if (i >= body.length()) {
                    throw new IllegalArgumentException("teks tidak ditutup");
                }
                i++;
                tokens.add(new Token(Kind.STRING, value.toString()));
            } else {
                String two = i + 1 < body.length() ? body.substring(i, i + 2) : "";
                if (Set.of("==", "!=", "&&", "||").contains(two)) {
                    tokens.add(new Token(Kind.SYMBOL, two));
                    i += 2;
                } else if ("!?:().,".indexOf(c) >= 0) {
                    tokens.add(new Token(Kind.SYMBOL, String.valueOf(c)));
                    i++;
                } else {
                    throw new IllegalArgumentException("tanda '" + c + "' tidak diizinkan");
                }
            }
        }
        return tokens;
    }

    /** Recursive descent over the allowed grammar; throws with an Indonesian reason on anything else. */
    private static final class Parser {
        private final List<Token> tokens;
        private int at;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        void expression() {
            if (tokens.isEmpty()) {
                throw new IllegalArgumentException("ekspresi kosong");
            }
            ternary();
            if (at < tokens.size()) {
                throw new IllegalArgumentException("'" + tokens.get(at).text() + "' tidak diharapkan");
            }
        }

        private void ternary() {
            or();
            if (accept("?")) {
                ternary();
                expect(":");
                ternary();
            }
        }

        private void or() {
            and();
            while (accept("||") || accept("or")) {
                and();
            }
        }

        private void and() {
            equality();
            while (accept("&&") || accept("and")) {
                equality();
            }
        }

        private void equality() {
            unary();
            while (accept("==") || accept("!=") || accept("eq") || accept("ne")) {
                unary();
            }
        }

        private void unary() {
            if (accept("!") || accept("not") || accept("empty")) {
                unary();
            } else {
                primary();
            }
        }

        private void primary() {
            Token token = next();
            if (token.kind() == Kind.STRING || token.kind() == Kind.NUMBER
                    || Set.of("true", "false", "null").contains(token.text()) && token.kind() == Kind.IDENT) {
                return;
            }
            if (token.text().equals("(") && token.kind() == Kind.SYMBOL) {
                ternary();
                expect(")");
                return;
            }
            if (token.kind() != Kind.IDENT || KEYWORDS.contains(token.text())) {
                throw new IllegalArgumentException("'" + token.text() + "' tidak diharapkan");
            }
            if (peek("(")) {
                throw new IllegalArgumentException("pemanggilan fungsi '" + token.text() + "(...)' tidak diizinkan");
            }
            if (accept(".")) {
                member(token.text());
            }
        }

        /** The few member accesses the shipped workflows use; no other method or property is reachable. */
        private void member(String object) {
            String member = ident();
            String call = object + "." + member;
            switch (call) {
                case "execution.processBusinessKey" -> {
                }
                case "execution.getVariable", "deadlines.of" -> {
                    expect("(");
                    string();
                    expect(")");
                }
                case "execution.setVariable" -> {
                    expect("(");
                    string();
                    expect(",");
                    literal();
                    expect(")");
                }
                case "deadlines.due" -> {
                    expect("(");
                    Token argument = next();
                    if (argument.kind() != Kind.STRING && (argument.kind() != Kind.IDENT
                            || KEYWORDS.contains(argument.text()))) {
                        throw new IllegalArgumentException("deadlines.due(...) hanya menerima nama peran");
                    }
                    if (peek(",")) { // a step's own deadline in working days
                        expect(",");
                        if (next().kind() != Kind.NUMBER) {
                            throw new IllegalArgumentException("deadlines.due(peran, hari) menerima jumlah hari "
                                    + "kerja sebagai angka");
                        }
                    }
                    expect(")");
                }
                default -> throw new IllegalArgumentException("'" + call + "' tidak diizinkan");
            }
            if (peek(".")) {
                throw new IllegalArgumentException("akses lanjutan setelah '" + call + "' tidak diizinkan");
            }
        }

        private void literal() {
            Token token = next();
            boolean constant = token.kind() == Kind.IDENT && Set.of("true", "false", "null").contains(token.text());
            if (token.kind() != Kind.STRING && token.kind() != Kind.NUMBER && !constant) {
                throw new IllegalArgumentException("nilai harus berupa teks atau angka");
            }
        }

        private void string() {
            if (next().kind() != Kind.STRING) {
                throw new IllegalArgumentException("nama variabel harus berupa teks ('nama')");
            }
        }

        private String ident() {
            Token token = next();
            if (token.kind() != Kind.IDENT) {
                throw new IllegalArgumentException("'" + token.text() + "' tidak diharapkan");
            }
            return token.text();
        }

        private Token next() {
            if (at >= tokens.size()) {
                throw new IllegalArgumentException("ekspresi terpotong");
            }
            return tokens.get(at++);
        }

        private boolean peek(String text) {
            return at < tokens.size() && tokens.get(at).text().equals(text) && tokens.get(at).kind() != Kind.STRING;
        }

        private boolean accept(String text) {
            if (peek(text)) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(String text) {
            if (!accept(text)) {
                throw new IllegalArgumentException("'" + text + "' diharapkan");
            }
        }
    }
}
