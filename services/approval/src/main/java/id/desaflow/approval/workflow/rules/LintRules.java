package id.desaflow.approval.workflow.rules;

import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static id.desaflow.approval.workflow.rules.BpmnDocument.BPMNDI;
import static id.desaflow.approval.workflow.rules.BpmnDocument.children;
import static id.desaflow.approval.workflow.rules.BpmnDocument.describe;
import static id.desaflow.approval.workflow.rules.BpmnDocument.eventDefinitions;
import static id.desaflow.approval.workflow.rules.BpmnDocument.hasCondition;
import static id.desaflow.approval.workflow.rules.BpmnDocument.hasEventDefinition;
import static id.desaflow.approval.workflow.rules.BpmnDocument.id;
import static id.desaflow.approval.workflow.rules.BpmnDocument.is;
import static id.desaflow.approval.workflow.rules.BpmnDocument.isActivity;
import static id.desaflow.approval.workflow.rules.BpmnDocument.isCatchEvent;
import static id.desaflow.approval.workflow.rules.BpmnDocument.isDefault;
import static id.desaflow.approval.workflow.rules.BpmnDocument.isEvent;
import static id.desaflow.approval.workflow.rules.BpmnDocument.isForCompensation;
import static id.desaflow.approval.workflow.rules.BpmnDocument.isGateway;
import static id.desaflow.approval.workflow.rules.BpmnDocument.isSubProcess;
import static id.desaflow.approval.workflow.rules.BpmnDocument.isTask;
import static id.desaflow.approval.workflow.rules.BpmnDocument.isTriggeredByEvent;
import static id.desaflow.approval.workflow.rules.BpmnDocument.name;
import static id.desaflow.approval.workflow.rules.BpmnDocument.parentIs;

/**
 * bpmnlint's {@code recommended} rule set (bpmn-io/bpmnlint config/recommended.js), ported rule by rule with the
 * same names and the same conditions, so a file the browser editor's linter accepts is accepted here too. Rules
 * bpmnlint only warns about are errors here: a deploy is refused on any problem.
 */
final class LintRules {
    private LintRules() {
    }

    static void check(BpmnDocument doc) {
        for (Element container : doc.containers()) {
            startEventRequired(doc, container);
            endEventRequired(doc, container);
            singleBlankStartEvent(doc, container);
            subProcessStartEvents(doc, container);
            superfluousTermination(doc, container);
            linkEvent(doc, container);
            adHocSubProcess(doc, container);
        }
        for (Element node : doc.flowNodes()) {
            noDisconnected(doc, node);
            noImplicitSplit(doc, node);
            fakeJoin(doc, node);
            gateways(doc, node);
            labelRequired(doc, node);
            singleEventDefinition(doc, node);
            conditionalFlows(doc, node);
            noImplicitStart(doc, node);
            noImplicitEnd(doc, node);
            eventBasedGateway(doc, node);
        }
        sequenceFlows(doc);
        BpmnDocument.descendants(doc.definitions).stream().filter(e -> is(e, "participant") || is(e, "lane"))
                .filter(e -> name(e).isEmpty()).forEach(e -> doc.report(e, "label-required", "Elemen '" + id(e)
                        + "' belum memiliki label (nama)"));
        global(doc);
        noBpmnDi(doc);
        DiagramOverlap.check(doc);
    }

    private static boolean isAdHoc(Element container) {
        return is(container, "adHocSubProcess");
    }

    private static String scope(Element container) {
        return isSubProcess(container) ? "Sub-proses " + describe(container) : "Proses " + describe(container);
    }

    // start-event-required / end-event-required: every process and (non ad-hoc) sub-process has one
    private static void startEventRequired(BpmnDocument doc, Element container) {
        if (!isAdHoc(container) && doc.flowNodes(container).stream().noneMatch(n -> is(n, "startEvent"))) {
            doc.report(container, "start-event-required", scope(container) + " tidak memiliki start event");
        }
    }

    private static void endEventRequired(BpmnDocument doc, Element container) {
        if (!isAdHoc(container) && doc.flowNodes(container).stream().noneMatch(n -> is(n, "endEvent"))) {
            doc.report(container, "end-event-required", scope(container) + " tidak memiliki end event");
        }
    }

    private static void singleBlankStartEvent(BpmnDocument doc, Element container) {
        long blank = doc.flowNodes(container).stream()
                .filter(n -> is(n, "startEvent") && eventDefinitions(n).isEmpty()).count();
        if (blank > 1) {
            doc.report(container, "single-blank-start-event", scope(container)
                    + " memiliki lebih dari satu start event tanpa jenis");
        }
    }

    // sub-process-blank-start-event / event-sub-process-typed-start-event
    private static void subProcessStartEvents(BpmnDocument doc, Element container) {
        if (!isSubProcess(container)) {
            return;
        }
        for (Element start : doc.flowNodes(container)) {
            if (!is(start, "startEvent")) {
                continue;
            }
            boolean typed = !eventDefinitions(start).isEmpty();
            if (isTriggeredByEvent(container) && !typed) {
                doc.report(start, "event-sub-process-typed-start-event", "Start event " + describe(start)
                        + " di event sub-process harus memiliki jenis (pesan, timer, ...)");
            } else if (!isTriggeredByEvent(container) && typed) {
                doc.report(start, "sub-process-blank-start-event", "Start event " + describe(start)
                        + " di sub-proses harus tanpa jenis (blank)");
            }
        }
    }

    private static void superfluousTermination(BpmnDocument doc, Element container) {
        if (!(is(container, "process") || is(container, "subProcess"))) {
            return;
        }
        List<Element> ends = doc.flowNodes(container).stream().filter(n -> doc.outgoing(n).isEmpty()).toList();
        List<Element> terminates = ends.stream().filter(LintRules::isTerminateEnd).toList();
        if (terminates.size() != 1) {
            return;
        }
        if (ends.stream().allMatch(e -> isTerminateEnd(e) || isInterruptingEventSubProcess(doc, e))) {
            doc.report(terminates.get(0), "superfluous-termination", "Terminate end event " + describe(
                    terminates.get(0)) + " tidak diperlukan: pakai end event biasa");
        }
    }

    private static boolean isTerminateEnd(Element e) {
        return is(e, "endEvent") && hasEventDefinition(e, "terminateEventDefinition");
    }

    private static boolean isInterruptingEventSubProcess(BpmnDocument doc, Element e) {
        return is(e, "subProcess") && isTriggeredByEvent(e) && doc.flowNodes(e).stream()
                .anyMatch(n -> is(n, "startEvent") && !"false".equals(n.getAttribute("isInterrupting")));
    }

    private static void linkEvent(BpmnDocument doc, Element container) {
        Map<String, List<Element>> byName = new LinkedHashMap<>();
        for (Element event : doc.flowNodes(container)) {
            if (!isEvent(event) || !hasEventDefinition(event, "linkEventDefinition")) {
                continue;
            }
            String linkName = eventDefinitions(event).stream().filter(d -> is(d, "linkEventDefinition"))
                    .findFirst().map(d -> d.getAttribute("name").trim()).orElse("");
            if (linkName.isEmpty()) {
                doc.report(event, "link-event", "Link event " + describe(event) + " tidak memiliki nama link");
            } else {
                byName.computeIfAbsent(linkName, k -> new ArrayList<>()).add(event);
            }
        }
        byName.forEach((linkName, events) -> {
            if (events.size() == 1) {
                Element event = events.get(0);
                doc.report(event, "link-event", "Pasangan link event '" + linkName + "' ("
                        + (isCatchEvent(event) ? "throw" : "catch") + ") tidak ada di lingkup yang sama");
                return;
            }
            List<Element> catches = events.stream().filter(BpmnDocument::isCatchEvent).toList();
            if (catches.size() > 1) {
                catches.forEach(e -> doc.report(e, "link-event", "Link catch event '" + linkName + "' ganda"));
            } else if (catches.isEmpty()) {
                events.forEach(e -> doc.report(e, "link-event", "Link catch event '" + linkName
                        + "' tidak ada di lingkup yang sama"));
            }
        });
    }

    private static void adHocSubProcess(BpmnDocument doc, Element container) {
        if (!isAdHoc(container)) {
            return;
        }
        for (Element node : doc.flowNodes(container)) {
            if (is(node, "startEvent") || is(node, "endEvent")) {
                doc.report(node, "ad-hoc-sub-process", "Start/end event " + describe(node)
                        + " tidak boleh ada di ad-hoc sub-process");
            } else if (is(node, "intermediateCatchEvent") && doc.outgoing(node).isEmpty()) {
                doc.report(node, "ad-hoc-sub-process", "Intermediate catch event " + describe(node)
                        + " di ad-hoc sub-process harus memiliki alur keluar");
            }
        }
    }

    private static void noDisconnected(BpmnDocument doc, Element node) {
        if (!(isTask(node) || isGateway(node) || isSubProcess(node) || isEvent(node))) {
            return;
        }
        if (isSubProcess(node) && isTriggeredByEvent(node) || isCompensationLinked(node)
                || parentIs(node, "adHocSubProcess") && isActivity(node)) {
            return;
        }
        if (doc.incoming(node).isEmpty() && doc.outgoing(node).isEmpty()) {
            doc.report(node, "no-disconnected", "Elemen " + describe(node) + " tidak terhubung dengan alur apa pun");
        }
    }

    private static boolean isCompensationLinked(Element node) {
        boolean compensationBoundary = is(node, "boundaryEvent") && eventDefinitions(node).size() == 1
                && hasEventDefinition(node, "compensateEventDefinition");
        return compensationBoundary || isForCompensation(node);
    }

    private static void noImplicitSplit(BpmnDocument doc, Element node) {
        if (!(isActivity(node) || isEvent(node))) {
            return;
        }
        long plain = doc.outgoing(node).stream().filter(f -> !hasCondition(f) && !isDefault(node, f)).count();
        if (plain > 1) {
            doc.report(node, "no-implicit-split", "Alur dari " + describe(node)
                    + " bercabang tanpa gateway: pakai gateway paralel atau eksklusif");
        }
    }

    private static void fakeJoin(BpmnDocument doc, Element node) {
        if ((isActivity(node) || isEvent(node)) && doc.incoming(node).size() > 1) {
            doc.report(node, "fake-join", "Beberapa alur masuk ke " + describe(node)
                    + " tanpa gateway penggabung: tambahkan gateway sebelum elemen ini");
        }
    }

    // no-gateway-join-fork, superfluous-gateway, no-complex-gateway, no-inclusive-gateway
    private static void gateways(BpmnDocument doc, Element node) {
        if (!isGateway(node)) {
            return;
        }
        int in = doc.incoming(node).size();
        int out = doc.outgoing(node).size();
        if (in > 1 && out > 1) {
            doc.report(node, "no-gateway-join-fork", "Gateway " + describe(node)
                    + " sekaligus menggabung dan bercabang: pisahkan menjadi dua gateway");
        }
        if (in == 1 && out == 1) {
            doc.report(node, "superfluous-gateway", "Gateway " + describe(node)
                    + " tidak diperlukan: hanya satu alur masuk dan satu alur keluar");
        }
        if (is(node, "complexGateway")) {
            doc.report(node, "no-complex-gateway", "Complex gateway " + describe(node) + " tidak diizinkan");
        }
        if (is(node, "inclusiveGateway")) {
            doc.report(node, "no-inclusive-gateway", "Inclusive gateway " + describe(node) + " tidak diizinkan");
        }
    }

    private static void labelRequired(BpmnDocument doc, Element node) {
        if (is(node, "parallelGateway") || is(node, "eventBasedGateway") || isSubProcess(node)
                || isGateway(node) && doc.outgoing(node).size() <= 1) {
            return;
        }
        if (name(node).isEmpty()) {
            doc.report(node, "label-required", "Elemen '" + id(node) + "' belum memiliki label (nama)");
        }
    }

    private static void singleEventDefinition(BpmnDocument doc, Element node) {
        if (isEvent(node) && eventDefinitions(node).size() > 1) {
            doc.report(node, "single-event-definition", "Event " + describe(node)
                    + " memiliki lebih dari satu jenis event");
        }
    }

    private static void conditionalFlows(BpmnDocument doc, Element node) {
        List<Element> outgoing = doc.outgoing(node);
        boolean conditionalGateway = is(node, "exclusiveGateway") || is(node, "inclusiveGateway");
        boolean forking = !node.getAttribute("default").isEmpty() || conditionalGateway && outgoing.size() > 1
                || outgoing.stream().anyMatch(BpmnDocument::hasCondition);
        if (!forking) {
            return;
        }
        for (Element flow : outgoing) {
            if (!hasCondition(flow) && !isDefault(node, flow)) {
                doc.report(flow, "conditional-flows", "Alur " + describe(flow) + " dari " + describe(node)
                        + " belum memiliki kondisi dan bukan alur bawaan (default)");
            }
        }
    }

    private static void noImplicitStart(BpmnDocument doc, Element node) {
        if (isActivity(node) && isForCompensation(node) || parentIs(node, "adHocSubProcess")
                || isSubProcess(node) && isTriggeredByEvent(node)
                || is(node, "intermediateCatchEvent") && onlyLinks(node)
                || is(node, "startEvent") || is(node, "boundaryEvent")) {
            return;
        }
        if (doc.incoming(node).isEmpty()) {
            doc.report(node, "no-implicit-start", "Elemen " + describe(node)
                    + " tidak memiliki alur masuk: mulai proses dengan start event");
        }
    }

    private static void noImplicitEnd(BpmnDocument doc, Element node) {
        if (isSubProcess(node) && isTriggeredByEvent(node)
                || is(node, "intermediateThrowEvent") && onlyLinks(node)
                || parentIs(node, "adHocSubProcess") || is(node, "endEvent")
                || is(node, "boundaryEvent") && compensationWithAssociation(doc, node)
                || isTask(node) && isForCompensation(node)) {
            return;
        }
        if (doc.outgoing(node).isEmpty()) {
            doc.report(node, "no-implicit-end", "Elemen " + describe(node)
                    + " tidak memiliki alur keluar: akhiri proses dengan end event");
        }
    }

    private static boolean onlyLinks(Element event) {
        List<Element> definitions = eventDefinitions(event);
        return !definitions.isEmpty() && definitions.stream().allMatch(d -> is(d, "linkEventDefinition"));
    }

    private static boolean compensationWithAssociation(BpmnDocument doc, Element boundary) {
        List<Element> definitions = eventDefinitions(boundary);
        return !definitions.isEmpty() && definitions.stream().allMatch(d -> is(d, "compensateEventDefinition"))
                && doc.associationSources().contains(id(boundary));
    }

    private static void eventBasedGateway(BpmnDocument doc, Element node) {
        if (!is(node, "eventBasedGateway")) {
            return;
        }
        if (doc.outgoing(node).size() < 2) {
            doc.report(node, "event-based-gateway", "Event-based gateway " + describe(node)
                    + " harus memiliki paling sedikit 2 alur keluar");
        }
        doc.outgoing(node).stream().filter(BpmnDocument::hasCondition).forEach(flow -> doc.report(flow,
                "event-based-gateway", "Alur " + describe(flow) + " dari event-based gateway tidak boleh bersyarat"));
    }

    // no-duplicate-sequence-flows, label-required (conditional flows), superfluous-label
    private static void sequenceFlows(BpmnDocument doc) {
        Set<String> keys = new HashSet<>();
        Set<String> reportedSources = new HashSet<>();
        Set<String> reportedTargets = new HashSet<>();
        for (Element flow : doc.all("sequenceFlow")) {
            String source = flow.getAttribute("sourceRef");
            String target = flow.getAttribute("targetRef");
            if (!keys.add(source + "#" + target + "#" + BpmnDocument.condition(flow))) {
                doc.report(flow, "no-duplicate-sequence-flows", "Alur " + describe(flow) + " ganda");
                if (reportedSources.add(source)) {
                    doc.report(source, "no-duplicate-sequence-flows", "Elemen '" + source
                            + "' memiliki alur keluar ganda");
                }
                if (reportedTargets.add(target)) {
                    doc.report(target, "no-duplicate-sequence-flows", "Elemen '" + target
                            + "' memiliki alur masuk ganda");
                }
            }
            Element sourceNode = doc.source(flow);
            boolean labelled = !name(flow).isEmpty();
            if (hasCondition(flow) && !labelled) {
                doc.report(flow, "label-required", "Alur bersyarat '" + id(flow) + "' belum memiliki label (nama)");
            }
            if (labelled && !hasCondition(flow) && !(sourceNode != null && (isDefault(sourceNode, flow)
                    || (is(sourceNode, "exclusiveGateway") || is(sourceNode, "inclusiveGateway"))
                    && doc.outgoing(sourceNode).size() > 1))) {
                doc.report(flow, "superfluous-label", "Label alur " + describe(flow)
                        + " tidak diperlukan: alur tanpa kondisi yang tidak keluar dari gateway keputusan");
            }
        }
    }

    private static final Map<String, String> GLOBAL_REFS = Map.of("error", "errorRef", "escalation",
            "escalationRef", "message", "messageRef", "signal", "signalRef");

    /** global: messages, signals, errors and escalations have a unique name and are used. */
    private static void global(BpmnDocument doc) {
        List<Element> roots = children(doc.definitions).stream()
                .filter(e -> GLOBAL_REFS.keySet().stream().anyMatch(type -> is(e, type))).toList();
        Set<String> referenced = new HashSet<>();
        for (Element e : BpmnDocument.descendants(doc.definitions)) {
            if (e.getLocalName().endsWith("EventDefinition") || is(e, "messageFlow") || is(e, "receiveTask")
                    || is(e, "sendTask")) {
                GLOBAL_REFS.values().forEach(attribute -> referenced.add(e.getAttribute(attribute)));
            }
        }
        Map<String, Integer> names = new HashMap<>();
        roots.forEach(root -> names.merge(root.getLocalName() + "#" + name(root), 1, Integer::sum));
        for (Element root : roots) {
            String type = root.getLocalName();
            if (name(root).isEmpty()) {
                doc.report(root, "global", "Elemen global " + describe(root) + " (" + type + ") belum memiliki nama");
            }
            if (!referenced.contains(id(root))) {
                doc.report(root, "global", "Elemen global " + describe(root) + " (" + type + ") tidak dipakai");
            }
            if (names.get(type + "#" + name(root)) > 1) {
                doc.report(root, "global", "Nama elemen global " + describe(root) + " (" + type + ") tidak unik");
            }
        }
    }

    /** no-bpmndi: every element that is drawn has a shape or edge in the diagram. */
    private static void noBpmnDi(BpmnDocument doc) {
        Set<String> drawn = new HashSet<>();
        for (Element diagram : BpmnDocument.descendants(doc.definitions)) {
            if (BPMNDI.equals(diagram.getNamespaceURI()) && !diagram.getAttribute("bpmnElement").isEmpty()) {
                drawn.add(diagram.getAttribute("bpmnElement"));
            }
        }
        List<Element> visual = new ArrayList<>();
        for (Element root : children(doc.definitions)) {
            collectVisual(root, visual);
        }
        for (Element element : visual) {
            if (!drawn.contains(id(element))) {
                doc.report(element, "no-bpmndi", "Elemen " + describe(element) + " tidak tergambar di diagram");
            }
        }
    }

    private static final Set<String> VISUAL_IN_ROOT = Set.of("participant", "messageFlow", "textAnnotation",
            "association", "group", "lane");

    private static void collectVisual(Element container, List<Element> visual) {
        for (Element child : children(container)) {
            if (!BpmnDocument.BPMN.equals(child.getNamespaceURI())) {
                continue;
            }
            boolean flowElement = BpmnDocument.isFlowNode(child) || is(child, "sequenceFlow")
                    || is(child, "dataObjectReference") || is(child, "dataStoreReference");
            if (flowElement || VISUAL_IN_ROOT.contains(child.getLocalName())) {
                visual.add(child);
            }
            if (isSubProcess(child) || is(child, "laneSet") || is(child, "lane") || is(child, "childLaneSet")) {
                collectVisual(child, visual);
            }
        }
    }
}
