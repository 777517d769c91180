package id.desaflow.approval.workflow.rules;

import id.desaflow.approval.workflow.WorkflowProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Invalid files made from valid shipped ones by string replacement, and the problems they add. */
final class Mutations {
    static final String SKU_KEY = "surat-keterangan-usaha";
    static final String CHAIN_KEY = "rantai-persetujuan-desa";
    static final String SKU = RepositoryWorkflows.read(SKU_KEY + ".bpmn");
    static final String CHAIN = RepositoryWorkflows.read(CHAIN_KEY + ".bpmn");

    /** The kasi's REJECT flow of the chain, with and without its condition. */
    static final String KASI_REJECT = """
            <bpmn:sequenceFlow id="Flow_KasiReject" name="Tolak" sourceRef="Gateway_KasiDecision" \
            targetRef="Gateway_ToRejection">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\
            ${execution.getVariable('decision') == 'REJECT'}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>""";
    static final String KASI_REJECT_UNCONDITIONAL = "<bpmn:sequenceFlow id=\"Flow_KasiReject\" name=\"Tolak\" "
            + "sourceRef=\"Gateway_KasiDecision\" targetRef=\"Gateway_ToRejection\" />";

    private static final Pattern ID = Pattern.compile("<bpmn:(\\w+) id=\"([^\"]+)\"");

    private Mutations() {
    }

    /** Replaces text that must be there (a test whose replacement silently missed would prove nothing). */
    static String replace(String xml, String from, String to) {
        assertThat(xml).contains(from);
        return xml.replace(from, to);
    }

    /** Adds flow elements to the (top-level) process and draws them, so no-bpmndi stays quiet. */
    static String addToProcess(String xml, String elements) {
        StringBuilder di = new StringBuilder();
        Matcher ids = ID.matcher(elements);
        int x = 2000;
        while (ids.find()) {
            String type = ids.group(1);
            String id = ids.group(2);
            if (type.equals("sequenceFlow")) {
                di.append("<bpmndi:BPMNEdge id=\"").append(id).append("_di\" bpmnElement=\"").append(id)
                        .append("\"><di:waypoint x=\"").append(x).append("\" y=\"900\" /><di:waypoint x=\"")
                        .append(x + 10).append("\" y=\"900\" /></bpmndi:BPMNEdge>");
            } else if (!type.endsWith("EventDefinition")) {
                di.append("<bpmndi:BPMNShape id=\"").append(id).append("_di\" bpmnElement=\"").append(id)
                        .append("\"><dc:Bounds x=\"").append(x).append("\" y=\"800\" width=\"50\" height=\"50\" />")
                        .append("</bpmndi:BPMNShape>");
            }
            x += 100;
        }
        int processEnd = xml.lastIndexOf("</bpmn:process>");
        String withElements = xml.substring(0, processEnd) + elements + xml.substring(processEnd);
        return replace(withElements, "</bpmndi:BPMNPlane>", di + "</bpmndi:BPMNPlane>");
    }

    /** "rule@elementId" of every problem of the file. */
    static List<String> problems(String xml, String key) {
        return RepositoryWorkflows.validate(xml, key).stream().map(Mutations::key).toList();
    }

    /** The problems a mutated file has that the file it was made from does not. */
    static List<String> added(String base, String mutated, String key) {
        List<String> before = problems(base, key);
        List<String> after = new ArrayList<>(problems(mutated, key));
        after.removeAll(before);
        return after;
    }

    static List<String> addedToSku(String mutated) {
        return added(SKU, mutated, SKU_KEY);
    }

    static List<String> addedToChain(String mutated) {
        return added(CHAIN, mutated, CHAIN_KEY);
    }

    static String key(WorkflowProblem problem) {
        return problem.rule() + "@" + problem.elementId();
    }
}
