// The step tools applied with bpmn-js's modeling API (one undoable command each, Ctrl+Z works): insert a complete
// approval step before the selected step, remove one, swap two consecutive ones, give one its own deadline. What a
// step is: ./plan.js.
import {
  RECORD_REJECTION, REQUEST_CANCELLED, REQUEST_REVISION, SHIFT, approvalStep, approvalStepAt, camundaAttr,
  decisionCondition, insertLayout, needsOwnCancellation, ownRejectionBranch, parseDue, revisionEntry, roleOf, signs,
  stepIds, withDays
} from './plan.js';

const COMMAND = 'desaflow.approvalStep';
const registered = new WeakSet();
const isLabel = (element) => element.type === 'label' || !!element.labelTarget;
const mid = (shape) => ({ x: shape.x + shape.width / 2, y: shape.y + shape.height / 2 });

/**
 * Activities a step can be inserted before: tasks and call activities that something leads to, except the endings of
 * other decisions ("Catat penolakan", "Minta perbaikan"): an approval there would approve a rejection.
 */
export function canInsertBefore(element) {
  const type = element && element.type;
  const delegate = type && camundaAttr(element.businessObject, 'delegateExpression');
  return !!type && (/Task$/.test(type) || type === 'bpmn:CallActivity')
    && delegate !== RECORD_REJECTION && delegate !== REQUEST_REVISION
    && (element.incoming || []).some((f) => f.type === 'bpmn:SequenceFlow');
}

export function stepTools(modeler) {
  const registry = modeler.get('elementRegistry');
  const modeling = modeler.get('modeling');
  const elementFactory = modeler.get('elementFactory');
  const bpmnFactory = modeler.get('bpmnFactory');
  const moddle = modeler.get('moddle');
  const spaceTool = modeler.get('spaceTool');
  const commandStack = modeler.get('commandStack');
  const canvas = modeler.get('canvas');

  /** Several modeling calls as ONE entry on the undo stack (they run as the command's nested commands). */
  function atomically(run) {
    const context = { run };
    commandStack.execute(COMMAND, context);
    return context.result;
  }
  if (!registered.has(commandStack)) {
    commandStack.registerHandler(COMMAND, class {
      preExecute(context) {
        context.result = context.run();
      }
      execute() {}
      revert() {}
    });
    registered.add(commandStack);
  }

  function extensions(step) {
    const properties = moddle.create('camunda:Properties', {
      values: [moddle.create('camunda:Property', { name: 'role', value: step.role })]
    });
    const listeners = step.listeners.map((l) => moddle.create('camunda:TaskListener', l));
    const all = moddle.create('bpmn:ExtensionElements', { values: [properties, ...listeners] });
    properties.$parent = all;
    properties.values[0].$parent = properties;
    listeners.forEach((l) => { l.$parent = all; });
    return all;
  }

  function shape(type, id, attrs, centre, parent) {
    const bo = bpmnFactory.create(type, { id });
    for (const [key, value] of Object.entries(attrs)) {
      bo.set(key, value);
    }
    if (bo.extensionElements) {
      bo.extensionElements.$parent = bo;
    }
    return modeling.createShape(elementFactory.createShape({ type, businessObject: bo }), centre, parent);
  }

  /** The RequestCancelled message of the file, added (undoably) when it has none. */
  function cancelledMessage() {
    const definitions = modeler.getDefinitions();
    const found = (definitions.rootElements || []).find((e) => e.$type === 'bpmn:Message' && e.name === REQUEST_CANCELLED);
    if (found) {
      return found;
    }
    const message = bpmnFactory.create('bpmn:Message', { name: REQUEST_CANCELLED });
    message.$parent = definitions;
    modeling.updateModdleProperties(canvas.getRootElement(), definitions,
      { rootElements: [...(definitions.rootElements || []), message] });
    return message;
  }

  /** Takes the RequestCancelled message out again when no event uses it any more (an unused message is refused). */
  function dropUnusedCancelledMessage() {
    const definitions = modeler.getDefinitions();
    const used = new Set(registry.filter((e) => e.businessObject && e.businessObject.eventDefinitions)
      .flatMap((e) => e.businessObject.eventDefinitions.map((d) => d.messageRef)));
    const rootElements = definitions.rootElements || [];
    const kept = rootElements.filter((e) => e.$type !== 'bpmn:Message' || e.name !== REQUEST_CANCELLED || used.has(e));
    if (kept.length !== rootElements.length) {
      modeling.updateModdleProperties(canvas.getRootElement(), definitions, { rootElements: kept });
    }
  }

  /** The step catches the withdrawal while it waits (interrupting message boundary event) and ends there. */
  function cancellation(task, at, parent, ids) {
    const bo = bpmnFactory.create('bpmn:BoundaryEvent',
      { id: ids.withdrawal, name: 'Permohonan dibatalkan', cancelActivity: true });
    const definition = bpmnFactory.create('bpmn:MessageEventDefinition', { messageRef: cancelledMessage() });
    definition.$parent = bo;
    bo.eventDefinitions = [definition];
    const boundary = modeling.createShape(elementFactory.createShape({ type: 'bpmn:BoundaryEvent', businessObject: bo }),
      { x: task.x + task.width / 2, y: task.y + task.height }, task, { attach: true });
    const end = shape('bpmn:EndEvent', ids.withdrawn, { name: 'Dibatalkan' }, at.cancelled, parent);
    modeling.connect(boundary, end, { type: 'bpmn:SequenceFlow' });
  }

  function route(gateway, target, name, decisions) {
    const flow = modeling.connect(gateway, target, { type: 'bpmn:SequenceFlow' });
    const condition = moddle.create('bpmn:FormalExpression', { body: decisionCondition(...decisions) });
    modeling.updateProperties(flow, { name, conditionExpression: condition });
    return flow;
  }

  /**
   * Inserts a complete approval step before `target`: user task -> decision gateway -> target (APPROVE), a rejection
   * branch (Catat penolakan -> end), REVISE to the process's revision path or, without one, with the rejection.
   * Everything from the target on moves right to make room. Returns the new user task.
   */
  function insertBefore(target, { role, name, days }) {
    if (!canInsertBefore(target)) {
      throw new Error('Pilih langkah (tugas atau rantai) yang didahului alur');
    }
    const step = approvalStep(role, name, days);
    return atomically(() => {
      const before = { x: target.x, y: target.y, width: target.width, height: target.height };
      const parent = target.parent;
      // where REVISE goes, found before anything changes (the new gateway must never look like the revision path)
      const revision = revisionEntry(parent.businessObject.flowElements);
      const start = target.x - 1;
      const { movingShapes, resizingShapes } = spaceTool.calculateAdjustments(registry.getAll(), 'x', SHIFT, start);
      modeling.createSpace(movingShapes, resizingShapes, { x: SHIFT, y: 0 }, 'e', start);

      const occupied = registry.filter((e) => e.parent === parent && !e.waypoints && !isLabel(e))
        .map((e) => ({ x: e.x, y: e.y, width: e.width, height: e.height }));
      const at = insertLayout(before, occupied);
      const ids = stepIds(role, new Set(registry.getAll().map((e) => e.id)));
      const task = shape('bpmn:UserTask', ids.task, {
        name: step.name,
        'camunda:candidateGroups': step.candidateGroups,
        'camunda:dueDate': step.dueDate,
        extensionElements: extensions(step)
      }, at.task, parent);
      for (const flow of target.incoming.filter((f) => f.type === 'bpmn:SequenceFlow')) {
        modeling.reconnectEnd(flow, task, mid(task));
        modeling.layoutConnection(flow);
      }
      const gateway = shape('bpmn:ExclusiveGateway', ids.gateway, { name: step.gatewayName }, at.gateway, parent);
      modeling.connect(task, gateway, { type: 'bpmn:SequenceFlow' });
      route(gateway, target, 'Setuju', ['APPROVE']);

      const rejection = shape('bpmn:ServiceTask', ids.rejection, {
        name: step.rejectionName, 'camunda:delegateExpression': RECORD_REJECTION
      }, at.rejection, parent);
      const end = shape('bpmn:EndEvent', ids.end, { name: step.endName }, at.end, parent);
      modeling.connect(rejection, end, { type: 'bpmn:SequenceFlow' });
      const revisionShape = revision && registry.get(revision.id);
      if (revisionShape) {
        route(gateway, rejection, 'Tolak', ['REJECT']);
        route(gateway, revisionShape, 'Perlu perbaikan', ['REVISE']);
      } else {
        route(gateway, rejection, 'Tolak / perlu perbaikan', ['REJECT', 'REVISE']);
      }
      if (parent.type === 'bpmn:Process' && needsOwnCancellation(parent.businessObject)) {
        cancellation(task, at, parent, ids);
      }
      return task;
    });
  }

  /** The approval step (shapes) at a selected user task, or undefined. */
  function stepAt(element) {
    const found = element && element.businessObject && approvalStepAt(element.businessObject);
    // the ends only the step's own withdrawal events lead to (the events themselves go with their task)
    const cancelled = (element && element.attachers || []).flatMap((a) => a.outgoing.map((f) => f.target))
      .filter((t) => t.type === 'bpmn:EndEvent' && t.incoming.length === 1);
    return found && {
      task: element,
      gateway: registry.get(found.gateway.id),
      next: registry.get(found.next.id),
      branch: [...ownRejectionBranch(found).map((bo) => registry.get(bo.id)).filter(Boolean), ...cancelled]
    };
  }

  /**
   * Removes an approval step: its task, its decision gateway and its own rejection branch; what led to the task now
   * leads to the step after it, and the steps after it move back left when nothing else is in the way.
   */
  function remove(element) {
    const step = stepAt(element);
    if (!step) {
      throw new Error('Yang dipilih bukan langkah persetujuan (tugas dengan peran dan keputusan)');
    }
    return atomically(() => {
      const { task, gateway, next, branch } = step;
      for (const flow of task.incoming.filter((f) => f.type === 'bpmn:SequenceFlow')) {
        modeling.reconnectEnd(flow, next, mid(next));
      }
      const gap = next.x - task.x;
      const left = task.x;
      modeling.removeElements([task, gateway, ...branch]);
      dropUnusedCancelledMessage();
      const parent = next.parent;
      const shapes = registry.filter((e) => e.parent === parent && !e.waypoints && !isLabel(e));
      const inTheWay = shapes.some((e) => e.x + e.width > left && e.x < next.x);
      if (gap > 0 && !inTheWay) {
        const { movingShapes, resizingShapes } = spaceTool.calculateAdjustments(registry.getAll(), 'x', gap, next.x - 1);
        modeling.createSpace(movingShapes, resizingShapes, { x: -gap, y: 0 }, 'e', next.x - 1);
      }
      for (const flow of next.incoming) {
        modeling.layoutConnection(flow);
      }
      return next;
    });
  }

  /** The approval step right after this one (its APPROVE flow leads straight to it), or undefined. */
  function following(element) {
    const step = stepAt(element);
    return step && stepAt(step.next);
  }

  /**
   * Swaps who decides at two consecutive approval steps (name, role, group, deadline; their gateways' and rejection
   * ends' names follow): the order of officials changes, the diagram's shape does not. The signing step stays last.
   */
  function swapWithNext(element) {
    const first = stepAt(element);
    const second = first && stepAt(first.next);
    if (!second) {
      throw new Error('Setelah langkah ini tidak langsung ada langkah persetujuan lain');
    }
    if (signs(first.task.businessObject) || signs(second.task.businessObject)) {
      throw new Error('Langkah tanda tangan surat selalu terakhir dan tidak dapat ditukar');
    }
    return atomically(() => {
      const who = (step) => {
        const bo = step.task.businessObject;
        const end = step.branch.find((e) => e.type === 'bpmn:EndEvent');
        return {
          name: bo.name, groups: camundaAttr(bo, 'candidateGroups'), due: camundaAttr(bo, 'dueDate'),
          role: roleOf(bo), gateway: step.gateway.businessObject.name, end: end && end.businessObject.name
        };
      };
      const a = who(first);
      const b = who(second);
      give(first, b);
      give(second, a);
      return second.task;
    });
  }

  function give(step, who) {
    const bo = step.task.businessObject;
    modeling.updateProperties(step.task, {
      name: who.name, 'camunda:candidateGroups': who.groups, 'camunda:dueDate': who.due
    });
    for (const extension of bo.extensionElements.values.filter((e) => e.$type === 'camunda:Properties')) {
      const property = extension.values.find((p) => p.name === 'role');
      if (property) {
        modeling.updateModdleProperties(step.task, property, { value: who.role });
      }
    }
    modeling.updateProperties(step.gateway, { name: who.gateway });
    const end = step.branch.find((e) => e.type === 'bpmn:EndEvent');
    if (end && who.end) {
      modeling.updateProperties(end, { name: who.end });
    }
  }

  /** The selected user task's deadline: its own working days, or null for its role's setting; undefined if none. */
  function deadlineOf(element) {
    const bo = element && element.type === 'bpmn:UserTask' ? element.businessObject : null;
    const due = bo && parseDue(camundaAttr(bo, 'dueDate'));
    return due ? due.days : undefined;
  }

  /** Gives a user task its own deadline in working days (empty: back to its role's setting). One undo step. */
  function setDeadline(element, days) {
    if (deadlineOf(element) === undefined) {
      throw new Error('Pilih tugas petugas yang memakai batas waktu DesaFlow');
    }
    const due = withDays(camundaAttr(element.businessObject, 'dueDate'), days);
    modeling.updateProperties(element, { 'camunda:dueDate': due });
    return element;
  }

  return { canInsertBefore, insertBefore, stepAt, remove, following, swapWithNext, deadlineOf, setDeadline };
}
