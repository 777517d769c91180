package id.desaflow.approval.workflow.rules;

import id.desaflow.approval.process.Deadlines;
import id.desaflow.approval.process.Decision;
import id.desaflow.platform.security.Roles;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static id.desaflow.approval.workflow.rules.BpmnDocument.BPMN;
import static id.desaflow.approval.workflow.rules.BpmnDocument.CAMUNDA;
import static id.desaflow.approval.workflow.rules.BpmnDocument.camunda;
import static id.desaflow.approval.workflow.rules.BpmnDocument.describe;
import static id.desaflow.approval.workflow.rules.BpmnDocument.id;
import static id.desaflow.approval.workflow.rules.BpmnDocument.is;

/** DesaFlow's own deploy rules: what the approval service, the inbox and the catalogue rely on. */
final class DesaFlowRules {
    /** The village approval chain every letter type calls. */
    static final String SHARED_CHAIN = "rantai-persetujuan-desa";
    /** The approval service's own beans (their @Component names) a file may delegate to. */
    static final Set<String> DELEGATES = Set.of("approvalTaskEvents", "issueLetter", "requestRevision",
            "recordRejection");
    /** Process variables the decision tables set to a role (kasi-surat.dmn, penandatangan-surat.dmn). */
    static final Set<String> ROLE_VARIABLES = Set.of("kasiRole", "signerRole", "candidateGroup");

    static final Set<String> ROLES = Roles.ALL.stream().filter(r -> !Roles.WARGA.equals(r))
            .collect(Collectors.toUnmodifiableSet());
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern VILLAGE_GROUP = Pattern.compile(
            "desa:\\$\\{villageCode}:(?:kadus:\\$\\{dusunSlug}|([a-z-]+)|\\$\\{([A-Za-z_][A-Za-z0-9_]*)})");
    private static final Pattern DUE = Pattern.compile(
            "\\$\\{deadlines\\.due\\((?:'([a-z-]+)'|([A-Za-z_][A-Za-z0-9_]*))(?:\\s*,\\s*([0-9]{1,3}))?\\)}");
    /** Attributes that name code to run: never allowed ({@code class}) or only our own beans (delegates). */
    private static final Set<String> CLASS_ATTRIBUTES = Set.of("class", "variableMappingClass");
    private static final Set<String> DELEGATE_ATTRIBUTES = Set.of("delegateExpression",
            "variableMappingDelegateExpression");

    private static final String ACTIVITI = "http://activiti.org/bpmn";

    private final Predicate<String> isLetterType;

    DesaFlowRules(Predicate<String> isLetterType) {
        this.isLetterType = isLetterType;
    }

    private boolean knownWorkflow(String key) {
        return SHARED_CHAIN.equals(key) || isLetterType.test(key);
    }

    void check(BpmnDocument doc, String expectedKey) {
        processId(doc, expectedKey);
        for (Element task : doc.all("userTask")) {
            candidateGroup(doc, task);
            roleProperty(doc, task);
            taskEvents(doc, task);
            deadline(doc, task);
            decisionHandled(doc, task);
        }
        for (Element call : doc.all("callActivity")) {
            String called = call.getAttribute("calledElement").trim();
            if (!knownWorkflow(called)) {
                doc.report(call, "called-element", "Call activity " + describe(call) + " memanggil '" + called
                        + "': harus " + SHARED_CHAIN + " atau kode jenis surat di katalog");
            }
        }
        noScript(doc);
    }

    private void processId(BpmnDocument doc, String expectedKey) {
        for (Element process : doc.processes()) {
            String key = id(process);
            if (expectedKey != null && !expectedKey.equals(key)) {
                doc.report(process, "process-id-letter-type", "Id proses '" + key + "' harus '" + expectedKey
                        + "' (alur yang sedang disunting)");
            } else if (!knownWorkflow(key)) {
                doc.report(process, "process-id-letter-type", "Id proses '" + key + "' bukan kode jenis surat di "
                        + "katalog dan bukan " + SHARED_CHAIN);
            }
        }
    }

    private static void candidateGroup(BpmnDocument doc, Element task) {
        for (String fixed : List.of("assignee", "candidateUsers")) {
            if (!camunda(task, fixed).isEmpty()) {
                doc.report(task, "candidate-group-role", "Tugas " + describe(task) + " tidak boleh menetapkan "
                        + "camunda:" + fixed + ": tugas dibagikan ke kelompok peran (camunda:candidateGroups)");
            }
        }
        String groups = camunda(task, "candidateGroups");
        if (groups.isEmpty()) {
            doc.report(task, "candidate-group-role", "Tugas " + describe(task) + " belum memiliki "
                    + "camunda:candidateGroups (mis. desa:${villageCode}:sekdes)");
            return;
        }
        for (String group : groups.split(",")) {
            if (!acceptedGroup(group.trim())) {
                doc.report(task, "candidate-group-role", "Kelompok '" + group.trim() + "' pada tugas "
                        + describe(task) + " tidak dikenal: pakai desa:${villageCode}:<peran> dengan peran "
                        + sorted(ROLES) + ", desa:${villageCode}:kadus:${dusunSlug} atau "
                        + variables());
            }
        }
    }

    /**
     * The inbox and the task events read the step's role from extension property {@code role} (ApprovalTaskEvents):
     * a role name or {@code ${variable}} of a decision table; without it the task cannot even be created.
     */
    private static void roleProperty(BpmnDocument doc, Element task) {
        List<String> roles = new ArrayList<>();
        for (Element property : BpmnDocument.descendants(task)) {
            if (CAMUNDA.equals(property.getNamespaceURI()) && "property".equals(property.getLocalName())
                    && "role".equals(property.getAttribute("name"))) {
                roles.add(property.getAttribute("value").trim());
            }
        }
        Matcher variable = roles.size() == 1 ? VARIABLE.matcher(roles.get(0)) : null;
        boolean ok = variable != null && (variable.matches() ? ROLE_VARIABLES.contains(variable.group(1))
                : ROLES.contains(roles.get(0)));
        if (!ok) {
            doc.report(task, "candidate-group-role", "Tugas " + describe(task) + " harus memiliki tepat satu "
                    + "properti ekstensi 'role' berisi peran (" + sorted(ROLES) + ") atau " + variables()
                    + (roles.isEmpty() ? "" : ", bukan " + roles));
        }
    }

    /** ApprovalTaskEvents tells the rest of DesaFlow (inbox, intake, notification) about the task and its decision. */
    private static void taskEvents(BpmnDocument doc, Element task) {
        for (String event : List.of("create", "complete")) {
            boolean listened = BpmnDocument.descendants(task).stream().anyMatch(l -> CAMUNDA.equals(l.getNamespaceURI())
                    && "taskListener".equals(l.getLocalName()) && event.equals(l.getAttribute("event"))
                    && "${approvalTaskEvents}".equals(l.getAttribute("delegateExpression").trim()));
            if (!listened) {
                doc.report(task, "task-events", "Tugas " + describe(task) + " harus memiliki task listener "
                        + "delegateExpression=\"${approvalTaskEvents}\" untuk event '" + event + "' (agar kotak "
                        + "masuk, status permohonan dan notifikasi mengetahuinya)");
            }
        }
    }

    private static String sorted(Set<String> values) {
        return String.join(", ", values.stream().sorted().toList());
    }

    private static String variables() {
        return "${" + String.join("}, ${", ROLE_VARIABLES.stream().sorted().toList()) + "}";
    }

    private static boolean acceptedGroup(String group) {
        Matcher variable = VARIABLE.matcher(group);
        if (variable.matches()) {
            return ROLE_VARIABLES.contains(variable.group(1));
        }
        Matcher village = VILLAGE_GROUP.matcher(group);
        if (!village.matches()) {
            return false;
        }
        return village.group(1) != null ? ROLES.contains(village.group(1))
                : village.group(2) == null || ROLE_VARIABLES.contains(village.group(2));
    }

    private static void deadline(BpmnDocument doc, Element task) {
        String due = camunda(task, "dueDate");
        Matcher matcher = DUE.matcher(due);
        boolean ok = matcher.matches() && (matcher.group(1) != null ? ROLES.contains(matcher.group(1))
                : ROLE_VARIABLES.contains(matcher.group(2)));
        if (!ok) {
            doc.report(task, "deadline-set", "Tugas " + describe(task) + " belum memiliki batas waktu: isi "
                    + "camunda:dueDate dengan ${deadlines.due('<peran>')} (hari kerja dari desaflow.deadlines."
                    + "<peran>) atau ${deadlines.due('<peran>', <hari kerja>)}" + (due.isEmpty() ? ""
                    : ", bukan '" + due + "'"));
        } else if (matcher.group(3) != null) {
            int days = Integer.parseInt(matcher.group(3));
            if (days < 1 || days > Deadlines.MAX_STEP_DAYS) {
                doc.report(task, "deadline-set", "Batas waktu tugas " + describe(task) + " harus 1 sampai "
                        + Deadlines.MAX_STEP_DAYS + " hari kerja, bukan " + days);
            }
        }
    }

    /**
     * Every decision an official can take (APPROVE/REVISE/REJECT) is routed: the task leads straight into an
     * exclusive gateway with a flow per decision or a default flow; otherwise a REJECT would silently go on.
     */
    private static void decisionHandled(BpmnDocument doc, Element task) {
        List<Element> out = doc.outgoing(task);
        Element gateway = out.size() == 1 ? doc.target(out.get(0)) : null;
        if (gateway == null || !is(gateway, "exclusiveGateway")) {
            doc.report(task, "decision-handled", "Setelah tugas " + describe(task) + " harus ada satu exclusive "
                    + "gateway yang mengarahkan keputusan (APPROVE, REVISE, REJECT)");
            return;
        }
        if (!gateway.getAttribute("default").isEmpty()) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (Decision decision : Decision.values()) {
            Pattern routed = Pattern.compile("(?:\\bdecision\\b|execution\\.getVariable\\(\\s*['\"]decision['\"]"
                    + "\\s*\\))\\s*(?:==|eq)\\s*['\"]" + decision.name() + "['\"]");
            if (doc.outgoing(gateway).stream().noneMatch(f -> routed.matcher(BpmnDocument.condition(f)).find())) {
                missing.add(decision.name());
            }
        }
        if (!missing.isEmpty()) {
            doc.report(gateway, "decision-handled", "Gateway " + describe(gateway) + " setelah tugas "
                    + describe(task) + " tidak memiliki alur untuk keputusan " + String.join(", ", missing)
                    + " (kondisi ${decision == '...'}) atau alur bawaan");
        }
    }

    /** No code in the file: no scripts, no classes, only our delegates, only the expressions ExpressionPolicy allows. */
    private static void noScript(BpmnDocument doc) {
        activitiExtensions(doc);
        for (Element process : doc.processes()) {
            List<Element> elements = new ArrayList<>(List.of(process));
            elements.addAll(BpmnDocument.descendants(process));
            for (Element element : elements) {
                if (isDescriptive(element)) {
                    continue;
                }
                String elementId = owner(element);
                String where = elementId == null ? "" : " pada " + describe(doc.byId(elementId));
                if (is(element, "scriptTask") || is(element, "script") || CAMUNDA.equals(element.getNamespaceURI())
                        && (element.getLocalName().equals("script") || element.getLocalName().equals("connector"))) {
                    doc.report(elementId, "no-script", "Skrip/konektor (" + element.getLocalName()
                            + ") tidak diizinkan" + where);
                }
                for (Attr attribute : BpmnDocument.attributes(element)) {
                    checkAttribute(doc, element, attribute, elementId, where);
                }
                if (hasOwnText(element)) {
                    ExpressionPolicy.problem(element.getTextContent()).ifPresent(reason -> doc.report(elementId,
                            "no-script", "Isi " + element.getLocalName() + where + ": " + reason));
                }
            }
        }
    }

    /** Camunda 7 still reads Activiti's extension namespace (activiti:class, ...): refused as a whole. */
    private static void activitiExtensions(BpmnDocument doc) {
        for (Element element : BpmnDocument.descendants(doc.definitions)) {
            boolean activiti = ACTIVITI.equals(element.getNamespaceURI()) || BpmnDocument.attributes(element).stream()
                    .anyMatch(a -> ACTIVITI.equals(a.getNamespaceURI()));
            if (activiti) {
                String elementId = owner(element);
                doc.report(elementId, "no-script", "Ekstensi Activiti (" + ACTIVITI + ") tidak diizinkan"
                        + (elementId == null ? "" : " pada " + describe(doc.byId(elementId)))
                        + ": pakai camunda:");
            }
        }
    }

    private static void checkAttribute(BpmnDocument doc, Element element, Attr attribute, String elementId,
            String where) {
        String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
        boolean camundaAttribute = CAMUNDA.equals(attribute.getNamespaceURI())
                || attribute.getNamespaceURI() == null && CAMUNDA.equals(element.getNamespaceURI());
        String value = attribute.getValue().trim();
        if (camundaAttribute && CLASS_ATTRIBUTES.contains(name)) {
            doc.report(elementId, "no-script", "Kelas Java (" + name + "=\"" + value + "\") tidak diizinkan" + where);
        } else if (camundaAttribute && DELEGATE_ATTRIBUTES.contains(name)) {
            Matcher bean = VARIABLE.matcher(value);
            if (!bean.matches() || !DELEGATES.contains(bean.group(1))) {
                doc.report(elementId, "no-script", "Delegate '" + value + "'" + where + " tidak dikenal: hanya ${"
                        + String.join("}, ${", DELEGATES.stream().sorted().toList()) + "}");
            }
        } else if (name.equals("language") || name.equals("scriptFormat") || camundaAttribute
                && name.equals("resource")) {
            doc.report(elementId, "no-script", "Skrip (" + name + "=\"" + value + "\") tidak diizinkan" + where);
        } else {
            Optional<String> reason = ExpressionPolicy.problem(value);
            reason.ifPresent(r -> doc.report(elementId, "no-script", "Atribut " + attribute.getName() + where
                    + ": " + r));
        }
    }

    private static boolean isDescriptive(Element element) {
        return is(element, "documentation") || is(element, "text") || !BPMN.equals(element.getNamespaceURI())
                && !CAMUNDA.equals(element.getNamespaceURI());
    }

    /** The id of the BPMN element an attribute or extension belongs to (extensions have none of their own). */
    private static String owner(Element element) {
        for (Node n = element; n instanceof Element e; n = n.getParentNode()) {
            if (BPMN.equals(e.getNamespaceURI()) && !e.getAttribute("id").isEmpty()
                    && !e.getLocalName().endsWith("EventDefinition")) {
                return e.getAttribute("id");
            }
        }
        return null;
    }

    private static boolean hasOwnText(Element element) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                if (!n.getNodeValue().isBlank()) {
                    return true;
                }
            }
        }
        return false;
    }
}
