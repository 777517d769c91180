package id.desaflow.approval.workflow.rules;

import id.desaflow.approval.workflow.WorkflowProblem;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The BPMN file as the rules see it: the (hardened) DOM plus an index of ids and of the sequence flows in and out
 * of each node. Built from {@code sourceRef}/{@code targetRef} like the engine does, not from the optional
 * {@code <incoming>}/{@code <outgoing>} hints a hand-written file may leave out. The DOM rather than the engine's
 * model is walked so that element types the engine does not know (complex gateway, ad-hoc sub-process) are still
 * seen and reported.
 */
final class BpmnDocument {
    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    private static final Set<String> EVENTS = Set.of("startEvent", "endEvent", "intermediateCatchEvent",
            "intermediateThrowEvent", "boundaryEvent", "implicitThrowEvent");
    private static final Set<String> GATEWAYS = Set.of("exclusiveGateway", "inclusiveGateway", "parallelGateway",
            "eventBasedGateway", "complexGateway");
    private static final Set<String> TASKS = Set.of("task", "userTask", "serviceTask", "sendTask", "receiveTask",
            "scriptTask", "businessRuleTask", "manualTask");
    private static final Set<String> SUB_PROCESSES = Set.of("subProcess", "transaction", "adHocSubProcess");

    final Element definitions;
    private final Map<String, Element> byId = new HashMap<>();
    private final Map<String, List<Element>> incoming = new HashMap<>();
    private final Map<String, List<Element>> outgoing = new HashMap<>();
    private final List<Element> processElements = new ArrayList<>();
    private final Set<WorkflowProblem> found = new LinkedHashSet<>();
    private Set<String> associationSources;

    BpmnDocument(Document dom) {
        definitions = dom.getDocumentElement();
        index(definitions);
        for (Element process : bpmnChildren(definitions, "process")) {
            collect(process);
        }
        for (Element flow : all("sequenceFlow")) {
            incoming.computeIfAbsent(flow.getAttribute("targetRef"), k -> new ArrayList<>()).add(flow);
            outgoing.computeIfAbsent(flow.getAttribute("sourceRef"), k -> new ArrayList<>()).add(flow);
        }
    }

    private void index(Element element) {
        if (!element.getAttribute("id").isEmpty() && BPMN.equals(element.getNamespaceURI())) {
            byId.putIfAbsent(element.getAttribute("id"), element);
        }
        for (Element child : children(element)) {
            index(child);
        }
    }

    private void collect(Element element) {
        for (Element child : children(element)) {
            if (BPMN.equals(child.getNamespaceURI())) {
                processElements.add(child);
                collect(child);
            }
        }
    }

    // ---- reporting

    void report(Element element, String rule, String message) {
        report(element == null ? null : id(element), rule, message);
    }

    void report(String elementId, String rule, String message) {
        found.add(new WorkflowProblem(elementId, rule, message));
    }

    List<WorkflowProblem> problems() {
        return List.copyOf(found);
    }

    // ---- navigation

    /** Every BPMN element inside the processes (any depth), in document order. */
    List<Element> processElements() {
        return processElements;
    }

    List<Element> processes() {
        return bpmnChildren(definitions, "process");
    }

    List<Element> all(String localName) {
        return processElements.stream().filter(e -> localName.equals(e.getLocalName())).toList();
    }

    /** The process and every (event/ad-hoc/transaction) sub-process: the scopes flow elements live in. */
    List<Element> containers() {
        List<Element> containers = new ArrayList<>(processes());
        processElements.stream().filter(BpmnDocument::isSubProcess).forEach(containers::add);
        return containers;
    }

    /** Flow nodes directly inside a container (not inside its sub-processes). */
    List<Element> flowNodes(Element container) {
        return children(container).stream().filter(BpmnDocument::isFlowNode).toList();
    }

    List<Element> flowNodes() {
        return processElements.stream().filter(BpmnDocument::isFlowNode).toList();
    }

    /** Ids that associations start from (a compensation boundary event is linked to its handler this way). */
    Set<String> associationSources() {
        if (associationSources == null) {
            associationSources = new HashSet<>();
            BpmnDocument.descendants(definitions).stream().filter(e -> is(e, "association"))
                    .forEach(a -> associationSources.add(a.getAttribute("sourceRef")));
        }
        return associationSources;
    }

    Element byId(String id) {
        return byId.get(id);
    }

    List<Element> incoming(Element node) {
        return incoming.getOrDefault(id(node), List.of());
    }

    List<Element> outgoing(Element node) {
        return outgoing.getOrDefault(id(node), List.of());
    }

    Element source(Element flow) {
        return byId.get(flow.getAttribute("sourceRef"));
    }

    Element target(Element flow) {
        return byId.get(flow.getAttribute("targetRef"));
    }

    static boolean hasCondition(Element flow) {
        return !bpmnChildren(flow, "conditionExpression").isEmpty();
    }

    static String condition(Element flow) {
        return bpmnChildren(flow, "conditionExpression").stream().map(Node::getTextContent).findFirst().orElse("");
    }

    static boolean isDefault(Element node, Element flow) {
        return !id(flow).isEmpty() && id(flow).equals(node.getAttribute("default"));
    }

    static List<Element> eventDefinitions(Element event) {
        return children(event).stream().filter(c -> BPMN.equals(c.getNamespaceURI())
                && c.getLocalName().endsWith("EventDefinition")).toList();
    }

    static boolean hasEventDefinition(Element event, String localName) {
        return eventDefinitions(event).stream().anyMatch(d -> localName.equals(d.getLocalName()));
    }

    static boolean isTriggeredByEvent(Element subProcess) {
        return "true".equals(subProcess.getAttribute("triggeredByEvent"));
    }

    static boolean isForCompensation(Element activity) {
        return "true".equals(activity.getAttribute("isForCompensation"));
    }

    static boolean parentIs(Element element, String localName) {
        return element.getParentNode() instanceof Element parent && localName.equals(parent.getLocalName());
    }

    // ---- types (BPMN's class hierarchy by local name)

    static boolean is(Element e, String localName) {
        return BPMN.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName());
    }

    static boolean isEvent(Element e) {
        return BPMN.equals(e.getNamespaceURI()) && EVENTS.contains(e.getLocalName());
    }

    static boolean isCatchEvent(Element e) {
        return is(e, "startEvent") || is(e, "intermediateCatchEvent") || is(e, "boundaryEvent");
    }

    static boolean isThrowEvent(Element e) {
        return isEvent(e) && !isCatchEvent(e);
    }

    static boolean isGateway(Element e) {
        return BPMN.equals(e.getNamespaceURI()) && GATEWAYS.contains(e.getLocalName());
    }

    /** bpmn:Task and its subtypes (not call activities or sub-processes). */
    static boolean isTask(Element e) {
        return BPMN.equals(e.getNamespaceURI()) && TASKS.contains(e.getLocalName());
    }

    static boolean isSubProcess(Element e) {
        return BPMN.equals(e.getNamespaceURI()) && SUB_PROCESSES.contains(e.getLocalName());
    }

    static boolean isActivity(Element e) {
        return isTask(e) || isSubProcess(e) || is(e, "callActivity");
    }

    static boolean isFlowNode(Element e) {
        return isEvent(e) || isGateway(e) || isActivity(e);
    }

    // ---- DOM helpers

    static String id(Element element) {
        return element.getAttribute("id");
    }

    static String name(Element element) {
        return element.getAttribute("name").trim();
    }

    /** How a message names an element: its label when it has one, else its id. */
    static String describe(Element element) {
        String name = name(element);
        return name.isEmpty() ? "'" + id(element) + "'" : "'" + name + "' (" + id(element) + ")";
    }

    static String camunda(Element element, String attribute) {
        return element.getAttributeNS(CAMUNDA, attribute).trim();
    }

    static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element element) {
                children.add(element);
            }
        }
        return children;
    }

    static List<Element> bpmnChildren(Element parent, String localName) {
        return children(parent).stream().filter(c -> is(c, localName)).toList();
    }

    static List<Element> descendants(Element root) {
        List<Element> all = new ArrayList<>();
        for (Element child : children(root)) {
            all.add(child);
            all.addAll(descendants(child));
        }
        return all;
    }

    static List<Attr> attributes(Element element) {
        NamedNodeMap map = element.getAttributes();
        List<Attr> attrs = new ArrayList<>();
        for (int i = 0; i < map.getLength(); i++) {
            attrs.add((Attr) map.item(i));
        }
        return attrs;
    }
}
