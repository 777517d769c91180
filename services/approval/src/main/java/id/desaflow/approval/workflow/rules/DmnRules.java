package id.desaflow.approval.workflow.rules;

import org.camunda.bpm.model.dmn.Dmn;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import static id.desaflow.approval.workflow.rules.BpmnDocument.children;
import static id.desaflow.approval.workflow.rules.BpmnDocument.descendants;

/**
 * Decision tables (kasi-surat, penandatangan-surat, kadus-surat) decide who examines and who signs, so an edited
 * table is checked too: Camunda's DMN parser, the decision being edited is there, a history time to live, FEEL only
 * (no JUEL or script language, no FEEL external Java functions) and role outputs that name known roles.
 */
final class DmnRules {
    static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";
    private static final Set<String> FEEL = Set.of("feel", "http://www.omg.org/spec/feel/20140401",
            "https://www.omg.org/spec/dmn/20191111/feel/", "http://www.omg.org/spec/dmn/20180521/feel/");
    private static final Pattern EXTERNAL = Pattern.compile("\\bexternal\\b");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    private DmnRules() {
    }

    static boolean isDmn(Element root) {
        return "definitions".equals(root.getLocalName()) && root.getNamespaceURI() != null
                && root.getNamespaceURI().contains("/DMN/");
    }

    static void check(BpmnDocument doc, byte[] xml, String expectedKey) {
        try {
            Dmn.readModelFromStream(new ByteArrayInputStream(xml));
        } catch (RuntimeException e) {
            doc.report((String) null, "dmn-parse", "Camunda tidak dapat membaca berkas DMN: "
                    + DeployChecks.rootMessage(e));
            return;
        }
        String dmn = doc.definitions.getNamespaceURI();
        List<Element> decisions = children(doc.definitions).stream()
                .filter(e -> dmn.equals(e.getNamespaceURI()) && "decision".equals(e.getLocalName())).toList();
        if (expectedKey != null && decisions.stream().noneMatch(d -> expectedKey.equals(d.getAttribute("id")))) {
            doc.report((String) null, "decision-id", "Berkas tidak berisi keputusan (decision) dengan id '"
                    + expectedKey + "' yang sedang disunting");
        }
        for (Element decision : decisions) {
            if (decision.getAttributeNS(CAMUNDA_DMN, "historyTimeToLive").isBlank()) {
                doc.report(decision.getAttribute("id"), "history-time-to-live", "Keputusan " + label(decision)
                        + " belum menetapkan lama penyimpanan riwayat (camunda:historyTimeToLive)");
            }
            descendants(decision).stream().filter(e -> "decisionTable".equals(e.getLocalName()))
                    .forEach(table -> roleOutputs(doc, table, dmn));
        }
        for (Element element : descendants(doc.definitions)) {
            String language = element.getAttribute("expressionLanguage").trim();
            if (!language.isEmpty() && !FEEL.contains(language.toLowerCase(Locale.ROOT))) {
                doc.report(owner(element), "no-script", "Bahasa ekspresi '" + language + "' tidak diizinkan: "
                        + "tabel keputusan hanya memakai FEEL");
            }
            if ("text".equals(element.getLocalName()) && EXTERNAL.matcher(element.getTextContent()).find()) {
                doc.report(owner(element), "no-script", "Fungsi eksternal (Java) di FEEL tidak diizinkan");
            }
        }
    }

    /** An output that sets a role variable (kasiRole, signerRole) gives a quoted known role in every rule. */
    private static void roleOutputs(BpmnDocument doc, Element table, String dmn) {
        List<Element> outputs = children(table).stream().filter(e -> "output".equals(e.getLocalName())).toList();
        List<Element> rules = children(table).stream().filter(e -> "rule".equals(e.getLocalName())).toList();
        for (int column = 0; column < outputs.size(); column++) {
            String variable = outputs.get(column).getAttribute("name");
            if (!DesaFlowRules.ROLE_VARIABLES.contains(variable)) {
                continue;
            }
            for (Element rule : rules) {
                List<Element> entries = children(rule).stream()
                        .filter(e -> dmn.equals(e.getNamespaceURI()) && "outputEntry".equals(e.getLocalName())).toList();
                String text = column < entries.size() ? entries.get(column).getTextContent().trim() : "";
                var quoted = QUOTED.matcher(text);
                if (!quoted.matches() || !DesaFlowRules.ROLES.contains(quoted.group(1))) {
                    Element at = column < entries.size() ? entries.get(column) : rule;
                    doc.report(at.getAttribute("id").isEmpty() ? rule.getAttribute("id") : at.getAttribute("id"),
                            "candidate-group-role", "Aturan " + label(rule) + " mengisi " + variable + " dengan '"
                                    + text + "': harus nama peran dalam tanda kutip, mis. \"sekdes\"");
                }
            }
        }
    }

    private static String label(Element element) {
        String name = element.getAttribute("name").trim();
        String id = element.getAttribute("id");
        return name.isEmpty() ? "'" + id + "'" : "'" + name + "' (" + id + ")";
    }

    private static String owner(Element element) {
        for (Node n = element; n instanceof Element e; n = n.getParentNode()) {
            if (!e.getAttribute("id").isEmpty()) {
                return e.getAttribute("id");
            }
        }
        return null;
    }
}
