// The step tools applied with bpmn-js's modeling API (one undoable command each, Ctrl+Z works): insert a complete
// approval step before the selected step, remove one, swap two consecutive ones, give one its own deadline. What a
// step is: ./plan.js.
import {
  LOOP_SHIFT, RECORD_REJECTION, REQUEST_CANCELLED, REQUEST_REVISION, REVISION_DEADLINE, REVISION_FAILED,
  REVISION_TIMEOUT_REASON, REVISION_VERIFIED, SHIFT, approvalStep, approvalStepAt, camundaAttr, decisionCondition,
  insertLayout, needsOwnCancellation, ownRejectionBranch, ownRevisionLoop, parseDue, revisionEntry, roleOf, signs,
  stepBehind, stepIds, withDays
} from './plan.js';

const COMMAND = 'desaflow.approvalStep';
const registered = new WeakSet();
const isLabel = (element) => element.type === 'label' || !!element.labelTarget;
const mid = (shape) => ({ x: shape.x + shape.width / 2, y: shape.y + shape.height / 2 });
const incomingFlows = (shape) => shape.incoming.filter((f) => f.type === 'bpmn:SequenceFlow');

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
    return place(bo, centre, parent);
  }

  /** The file's message of this name (RequestCancelled, RevisionVerified, ...), added (undoably) when it has none. */
  function message(name) {
    const definitions = modeler.getDefinitions();
    const found = (definitions.rootElements || []).find((e) => e.$type === 'bpmn:Message' && e.name === name);
    if (found) {
      return found;
    }
    const created = bpmnFactory.create('bpmn:Message', { name });
    created.$parent = definitions;
    modeling.updateModdleProperties(canvas.getRootElement(), definitions,
      { rootElements: [...(definitions.rootElements || []), created] });
    return created;
  }

  /** Takes the tools' messages out again when no event uses them any more (an unused message is refused). */
  function dropUnusedMessages() {
    const definitions = modeler.getDefinitions();
    const used = new Set(registry.filter((e) => e.businessObject && e.businessObject.eventDefinitions)
      .flatMap((e) => e.businessObject.eventDefinitions.map((d) => d.messageRef)));
    const ours = [REQUEST_CANCELLED, REVISION_VERIFIED, REVISION_FAILED];
    const rootElements = definitions.rootElements || [];
    const kept = rootElements.filter((e) => e.$type !== 'bpmn:Message' || !ours.includes(e.name) || used.has(e));
    if (kept.length !== rootElements.length) {
      modeling.updateModdleProperties(canvas.getRootElement(), definitions, { rootElements: kept });
    }
  }

  /** A catch or boundary event's business object waiting for a message. */
  function messageEvent(type, attrs, name) {
    const bo = bpmnFactory.create(type, attrs);
    const definition = bpmnFactory.create('bpmn:MessageEventDefinition', { messageRef: message(name) });
    definition.$parent = bo;
    bo.eventDefinitions = [definition];
    return bo;
  }

  /** A shape for a business object already built (a task, an event, ...) at `centre`; hints as createShape's. */
  function place(bo, centre, parent, hints) {
    return modeling.createShape(elementFactory.createShape({ type: bo.$type, businessObject: bo }), centre, parent,
      hints);
  }

  /** A flow along the given points (the loop's flows are drawn, not left to the layouter, so none crosses a shape). */
  function drawn(source, target, points) {
    const flow = modeling.connect(source, target, { type: 'bpmn:SequenceFlow' });
    modeling.updateWaypoints(flow, points);
    return flow;
  }

  /**
   * The step's own revision loop (where the process has no revision path): REVISE -> "Minta perbaikan" -> "Menunggu
   * perbaikan" (event-based) -> a verified correction back to the merge gateway in front of the task (the same official
   * sees the request again); a failed re-verification or the correction deadline -> "Catat penolakan"; the withdrawal
   * (where the process has no cancellation of its own) -> "Dibatalkan". The messages are the ones ApprovalProcesses
   * correlates by the request's business key.
   */
  function revisionLoop(gateway, again, at, parent, ids, withdrawable) {
    const revision = shape('bpmn:ServiceTask', ids.revision, {
      name: 'Minta perbaikan', 'camunda:delegateExpression': REQUEST_REVISION
    }, at.revision, parent);
    const waiting = shape('bpmn:EventBasedGateway', ids.waiting, { name: 'Menunggu perbaikan' }, at.waiting, parent);
    const verified = place(messageEvent('bpmn:IntermediateCatchEvent',
      { id: ids.verified, name: 'Perbaikan terverifikasi' }, REVISION_VERIFIED), at.verified, parent);
    const failed = place(messageEvent('bpmn:IntermediateCatchEvent',
      { id: ids.failed, name: 'Verifikasi perbaikan gagal' }, REVISION_FAILED), at.failed, parent);
    const timeoutBo = bpmnFactory.create('bpmn:IntermediateCatchEvent',
      { id: ids.timeout, name: 'Batas waktu perbaikan habis' });
    const timer = bpmnFactory.create('bpmn:TimerEventDefinition', {
      timeDuration: bpmnFactory.create('bpmn:FormalExpression', { body: REVISION_DEADLINE })
    });
    timer.$parent = timeoutBo;
    timer.timeDuration.$parent = timer;
    timeoutBo.eventDefinitions = [timer];
    const timeout = place(timeoutBo, at.timeout, parent);
    const toRejection = shape('bpmn:ExclusiveGateway', ids.toRejection, { name: 'Ke penolakan' }, at.toRejection, parent);
    const rejection = shape('bpmn:ServiceTask', ids.loopRejection, {
      name: 'Catat penolakan', 'camunda:delegateExpression': RECORD_REJECTION
    }, at.loopRejection, parent);
    const end = shape('bpmn:EndEvent', ids.loopEnd, { name: 'Perbaikan tidak selesai' }, at.loopEnd, parent);

    const top = (e) => ({ x: e.x + e.width / 2, y: e.y });
    const bottom = (e) => ({ x: e.x + e.width / 2, y: e.y + e.height });
    const left = (e) => ({ x: e.x, y: e.y + e.height / 2 });
    const right = (e) => ({ x: e.x + e.width, y: e.y + e.height / 2 });
    // up from a, across at height y, down (or up) to b
    const across = (a, b, y) => [a, { x: a.x, y }, { x: b.x, y }, b];
    const fork = top(waiting).y - 25;
    route(gateway, revision, 'Perlu perbaikan', ['REVISE'], [top(gateway), bottom(revision)]);
    drawn(revision, waiting, [left(revision), right(waiting)]);
    drawn(waiting, verified, [left(waiting), right(verified)]);
    drawn(verified, again, [bottom(verified), top(again)]);
    drawn(waiting, failed, [top(waiting), bottom(failed)]);
    drawn(waiting, timeout, across(top(waiting), bottom(timeout), fork));
    drawn(failed, toRejection, across(top(failed), top(toRejection), top(failed).y - 27));
    const late = drawn(timeout, toRejection, [right(timeout), left(toRejection)]);
    // as the chain's timer flow: "Catat penolakan" tells the resident why
    const listener = moddle.create('camunda:ExecutionListener', { event: 'take', expression: REVISION_TIMEOUT_REASON });
    const extension = moddle.create('bpmn:ExtensionElements', { values: [listener] });
    listener.$parent = extension;
    modeling.updateProperties(late, { extensionElements: extension });
    drawn(toRejection, rejection, [right(toRejection), left(rejection)]);
    drawn(rejection, end, [right(rejection), left(end)]);
    if (withdrawable) {
      const withdrawal = place(messageEvent('bpmn:IntermediateCatchEvent',
        { id: ids.waitingWithdrawal, name: 'Permohonan dibatalkan' }, REQUEST_CANCELLED), at.waitingWithdrawal, parent);
      const withdrawn = shape('bpmn:EndEvent', ids.waitingWithdrawn, { name: 'Dibatalkan' }, at.waitingWithdrawn, parent);
      drawn(waiting, withdrawal, across(top(waiting), bottom(withdrawal), fork));
      drawn(withdrawal, withdrawn, [top(withdrawal), bottom(withdrawn)]);
    }
  }

  /** The step catches the withdrawal while it waits (interrupting message boundary event) and ends there. */
  function cancellation(task, at, parent, ids) {
    const bo = messageEvent('bpmn:BoundaryEvent',
      { id: ids.withdrawal, name: 'Permohonan dibatalkan', cancelActivity: true }, REQUEST_CANCELLED);
    const boundary = place(bo, { x: task.x + task.width / 2, y: task.y + task.height }, task, { attach: true });
    const end = shape('bpmn:EndEvent', ids.withdrawn, { name: 'Dibatalkan' }, at.cancelled, parent);
    modeling.connect(boundary, end, { type: 'bpmn:SequenceFlow' });
  }

  /** A decision's flow (drawn along `points` when given, else left to the layouter). */
  function route(gateway, target, name, decisions, points) {
    const flow = points ? drawn(gateway, target, points) : modeling.connect(gateway, target, { type: 'bpmn:SequenceFlow' });
    const condition = moddle.create('bpmn:FormalExpression', { body: decisionCondition(...decisions) });
    modeling.updateProperties(flow, { name, conditionExpression: condition });
    return flow;
  }

  /**
   * Inserts a complete approval step before `target`: user task -> decision gateway -> target (APPROVE), a rejection
   * branch (Catat penolakan -> end), REVISE to the process's revision path or, without one, to the step's own revision
   * loop (revisionLoop). Everything from the target on moves right to make room. Returns the new user task.
   */
  function insertBefore(target, { role, name, days }) {
    if (!canInsertBefore(target)) {
      throw new Error('Pilih langkah (tugas atau rantai) yang didahului alur');
    }
    const step = approvalStep(role, name, days);
    return atomically(() => {
      // before a step with its own loop the new one goes before the loop's merge: corrections return to that step
      const behind = stepAt(target);
      const anchor = behind ? behind.entry : target;
      const into = behind ? behind.into : incomingFlows(target);
      const before = { x: anchor.x, y: anchor.y, width: anchor.width, height: anchor.height };
      const parent = anchor.parent;
      // where REVISE goes, found before anything changes (the new gateway must never look like the revision path)
      const revision = revisionEntry(parent.businessObject.flowElements);
      const loop = !revision;
      const start = anchor.x - 1;
      const shift = SHIFT + (loop ? LOOP_SHIFT : 0);
      const { movingShapes, resizingShapes } = spaceTool.calculateAdjustments(registry.getAll(), 'x', shift, start);
      modeling.createSpace(movingShapes, resizingShapes, { x: shift, y: 0 }, 'e', start);

      const occupied = registry.filter((e) => e.parent === parent && !e.waypoints && !isLabel(e))
        .map((e) => ({ x: e.x, y: e.y, width: e.width, height: e.height }));
      const at = insertLayout(before, occupied, { loop });
      const ids = stepIds(role, new Set(registry.getAll().map((e) => e.id)));
      const task = shape('bpmn:UserTask', ids.task, {
        name: step.name,
        'camunda:candidateGroups': step.candidateGroups,
        'camunda:dueDate': step.dueDate,
        extensionElements: extensions(step)
      }, at.task, parent);
      // a step with its own loop is entered through a merge gateway, where a verified correction comes back
      const again = loop && shape('bpmn:ExclusiveGateway', ids.again, { name: 'Masuk langkah' }, at.again, parent);
      const entry = again || task;
      for (const flow of into) {
        modeling.reconnectEnd(flow, entry, mid(entry));
        modeling.layoutConnection(flow);
      }
      if (again) {
        modeling.connect(again, task, { type: 'bpmn:SequenceFlow' });
      }
      const gateway = shape('bpmn:ExclusiveGateway', ids.gateway, { name: step.gatewayName }, at.gateway, parent);
      modeling.connect(task, gateway, { type: 'bpmn:SequenceFlow' });
      route(gateway, anchor, 'Setuju', ['APPROVE']);

      const rejection = shape('bpmn:ServiceTask', ids.rejection, {
        name: step.rejectionName, 'camunda:delegateExpression': RECORD_REJECTION
      }, at.rejection, parent);
      const end = shape('bpmn:EndEvent', ids.end, { name: step.endName }, at.end, parent);
      modeling.connect(rejection, end, { type: 'bpmn:SequenceFlow' });
      route(gateway, rejection, 'Tolak', ['REJECT']);
      const withdrawable = parent.type === 'bpmn:Process' && needsOwnCancellation(parent.businessObject);
      if (loop) {
        revisionLoop(gateway, again, at.revision, parent, ids, withdrawable);
      } else {
        route(gateway, registry.get(revision.id), 'Perlu perbaikan', ['REVISE']);
      }
      if (withdrawable) {
        cancellation(task, at, parent, ids);
      }
      return task;
    });
  }

  /**
   * The approval step (shapes) at a selected user task, or at the merge gateway in front of a step with its own
   * revision loop; undefined for anything else. `loop`: the step's own revision loop's shapes with its merge gateway;
   * `entry`: where the step is entered (that gateway, or the task); `into`: the flows that lead there, except the
   * loop's own.
   */
  function stepAt(element) {
    const behind = element && element.businessObject && stepBehind(element.businessObject);
    const at = behind ? registry.get(behind.task.id) : element;
    const found = behind || (at && at.businessObject && approvalStepAt(at.businessObject));
    if (!found) {
      return undefined;
    }
    // the ends only the step's own withdrawal events lead to (the events themselves go with their task)
    const cancelled = (at.attachers || []).flatMap((a) => a.outgoing.map((f) => f.target))
      .filter((t) => t.type === 'bpmn:EndEvent' && t.incoming.length === 1);
    const loop = found.loop || ownRevisionLoop(found);
    const shapes = (bos) => bos.map((bo) => registry.get(bo.id)).filter(Boolean);
    const own = loop ? shapes([loop.again, ...loop.elements]) : [];
    const entry = loop ? registry.get(loop.again.id) : at;
    return {
      task: at,
      gateway: registry.get(found.gateway.id),
      next: registry.get(found.next.id),
      branch: [...shapes(ownRejectionBranch(found)), ...cancelled],
      loop: own,
      entry,
      into: incomingFlows(entry).filter((f) => !own.includes(f.source))
    };
  }

  /**
   * Removes an approval step: its task, its decision gateway, its own rejection branch and revision loop; what led to the task now
   * leads to the step after it, and the steps after it move back left when nothing else is in the way.
   */
  function remove(element) {
    const step = stepAt(element);
    if (!step) {
      throw new Error('Yang dipilih bukan langkah persetujuan (tugas dengan peran dan keputusan)');
    }
    return atomically(() => {
      const { task, gateway, next, branch, loop, entry, into } = step;
      for (const flow of into) {
        modeling.reconnectEnd(flow, next, mid(next));
      }
      const gap = next.x - entry.x;
      const left = entry.x;
      modeling.removeElements([task, gateway, ...branch, ...loop]);
      dropUnusedMessages();
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

  return { canInsertBefore, insertBefore, stepAt, remove, swapWithNext, deadlineOf, setDeadline };
}
