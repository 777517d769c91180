package id.desaflow.approval.workflow.rules;

import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static id.desaflow.approval.workflow.rules.BpmnDocument.BPMNDI;
import static id.desaflow.approval.workflow.rules.BpmnDocument.children;
import static id.desaflow.approval.workflow.rules.BpmnDocument.describe;
import static id.desaflow.approval.workflow.rules.BpmnDocument.id;
import static id.desaflow.approval.workflow.rules.BpmnDocument.is;

/**
 * bpmnlint's no-overlapping-elements: shapes of one scope do not overlap (a boundary event may sit on its host)
 * and the shapes inside an expanded sub-process or a pool stay inside it. Touching edges count as overlap, as in
 * bpmnlint.
 */
final class DiagramOverlap {
    private static final String DC = "http://www.omg.org/spec/DD/20100524/DC";

    private record Bounds(double x, double y, double width, double height) {
        boolean collides(Bounds o) {
            return x + width >= o.x && o.x + o.width >= x && y + height >= o.y && o.y + o.height >= y;
        }

        boolean inside(Bounds parent) {
            return x >= parent.x && y >= parent.y && x + width <= parent.x + parent.width
                    && y + height <= parent.y + parent.height;
        }
    }

    private final BpmnDocument doc;
    private final Map<String, Element> shapes = new HashMap<>();
    private final Set<Element> overlapping = new LinkedHashSet<>();
    private final Set<Element> outside = new LinkedHashSet<>();

    private DiagramOverlap(BpmnDocument doc) {
        this.doc = doc;
        for (Element di : BpmnDocument.descendants(doc.definitions)) {
            if (BPMNDI.equals(di.getNamespaceURI()) && "BPMNShape".equals(di.getLocalName())) {
                shapes.putIfAbsent(di.getAttribute("bpmnElement"), di);
            }
        }
    }

    static void check(BpmnDocument doc) {
        new DiagramOverlap(doc).run();
    }

    private void run() {
        Map<String, Bounds> pools = new HashMap<>();
        for (Element collaboration : children(doc.definitions)) {
            if (is(collaboration, "collaboration")) {
                List<Element> participants = children(collaboration).stream().filter(e -> is(e, "participant"))
                        .toList();
                compare(participants);
                participants.forEach(p -> {
                    Bounds bounds = bounds(id(p));
                    if (bounds != null) {
                        pools.put(p.getAttribute("processRef"), bounds);
                    }
                });
            }
        }
        for (Element process : doc.processes()) {
            scope(process, pools.get(id(process)));
        }
        overlapping.forEach(e -> doc.report(e, "no-overlapping-elements", "Elemen " + describe(e)
                + " bertumpuk dengan elemen lain di diagram"));
        outside.forEach(e -> doc.report(e, "no-overlapping-elements", "Elemen " + describe(e)
                + " berada di luar batas induknya di diagram"));
    }

    private void scope(Element container, Bounds parent) {
        List<Element> drawn = new ArrayList<>();
        for (Element child : children(container)) {
            if (BpmnDocument.BPMN.equals(child.getNamespaceURI()) && bounds(id(child)) != null) {
                drawn.add(child);
            }
        }
        compare(drawn);
        for (Element element : drawn) {
            if (parent != null && !is(element, "dataStoreReference") && !bounds(id(element)).inside(parent)) {
                outside.add(element);
            }
        }
        for (Element child : children(container)) {
            if (BpmnDocument.isSubProcess(child)) {
                Element shape = shapes.get(id(child));
                boolean expanded = shape != null && "true".equals(shape.getAttribute("isExpanded"));
                scope(child, expanded ? bounds(id(child)) : null);
            }
        }
    }

    private void compare(List<Element> elements) {
        for (int i = 0; i < elements.size() - 1; i++) {
            for (int j = i + 1; j < elements.size(); j++) {
                Element a = elements.get(i);
                Element b = elements.get(j);
                if (id(a).equals(b.getAttribute("attachedToRef")) || id(b).equals(a.getAttribute("attachedToRef"))) {
                    continue;
                }
                Bounds first = bounds(id(a));
                Bounds second = bounds(id(b));
                if (first != null && second != null && first.collides(second)) {
                    overlapping.add(a);
                    overlapping.add(b);
                }
            }
        }
    }

    private Bounds bounds(String elementId) {
        Element shape = shapes.get(elementId);
        if (shape == null) {
            return null;
        }
        for (Element child : children(shape)) {
            if (DC.equals(child.getNamespaceURI()) && "Bounds".equals(child.getLocalName())) {
                try {
                    return new Bounds(Double.parseDouble(child.getAttribute("x")),
                            Double.parseDouble(child.getAttribute("y")), Double.parseDouble(child.getAttribute("width")),
                            Double.parseDouble(child.getAttribute("height")));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
