// What a valid DesaFlow approval step is, as data and geometry only (no bpmn-js, no DOM): the step tools apply it
// with the modeler, the unit tests (test/plan.test.mjs) check it with plain objects. The rules it must satisfy are the
// approval service's (id.desaflow.approval.workflow.rules.DesaFlowRules): candidate group desa:${villageCode}:<role>,
// due date ${deadlines.due('<role>')}, one 'role' property, the two approvalTaskEvents listeners, and an exclusive
// gateway right after the task routing APPROVE, REVISE and REJECT.

/** The officials a step can wait for, in the order of the panel's list (codes = identity's roles). */
export const ROLES = ['kadus', 'rt', 'rw', 'kasi-pelayanan', 'kasi-pemerintahan', 'sekdes', 'kades', 'operator'];
/**
 * The roles as the diagrams name them. The diagram is the village's document and officials read its step names in
 * their task lists in Indonesian, so the tools write Indonesian whatever the language of the administrator's page.
 */
export const ROLE_NAMES = {
  kadus: 'Kepala Dusun', rt: 'Ketua RT', rw: 'Ketua RW', 'kasi-pelayanan': 'Kasi Pelayanan',
  'kasi-pemerintahan': 'Kasi Pemerintahan', sekdes: 'Sekretaris Desa', kades: 'Kepala Desa', operator: 'Operator Desa'
};

export const DECISIONS = ['APPROVE', 'REVISE', 'REJECT'];
export const TASK_EVENTS = ['create', 'complete'];
export const TASK_EVENTS_BEAN = '${approvalTaskEvents}';
export const RECORD_REJECTION = '${recordRejection}';
export const REQUEST_REVISION = '${requestRevision}';
/** The message the approval service sends a request's processes when the resident withdraws it. */
export const REQUEST_CANCELLED = 'RequestCancelled';
/** The messages the approval service sends a process waiting for the resident's correction (ApprovalProcesses). */
export const REVISION_VERIFIED = 'RevisionVerified';
export const REVISION_FAILED = 'RevisionFailed';
/** How long the resident has for a correction (the approval service's desaflow.deadlines.perbaikan), as the chain. */
export const REVISION_DEADLINE = "${deadlines.of('perbaikan')}";
/** The reason "Catat penolakan" gives when the correction window closes (the chain sets the same on its timer flow). */
export const REVISION_TIMEOUT_REASON = "${execution.setVariable('rejectionReason', 'Batas waktu perbaikan habis')}";

/** Sizes bpmn-js gives new shapes; the layout below works with them. */
export const SIZE = {
  task: { width: 100, height: 80 },
  gateway: { width: 50, height: 50 },
  event: { width: 36, height: 36 }
};
const GAP = 50;
/** Room made before the selected step: the new task, a gap, its decision gateway, a gap. */
export const SHIFT = SIZE.task.width + GAP + SIZE.gateway.width + GAP;
/** More room for a step with its own revision loop: the merge gateway in front of its task, where corrections return. */
export const LOOP_SHIFT = SIZE.gateway.width + GAP;
/** Distance between the main row and the rejection row (centres). */
const ROW = 130;
const MARGIN = 15;
const LOOP_LIFT = 40;

/**
 * The candidate group of a step. A kepala dusun approves only for residents of his own dusun (as in the village
 * chain: desa:<village>:kadus:<dusun>); every other role is one group per village.
 */
export function candidateGroup(role) {
  check(role);
  return role === 'kadus' ? 'desa:${villageCode}:kadus:${dusunSlug}' : 'desa:${villageCode}:' + role;
}

/** The most working days a step may give itself (the approval service's Deadlines.MAX_STEP_DAYS). */
export const MAX_STEP_DAYS = 30;

/**
 * The deadline: working days per role from the approval service's settings (desaflow.deadlines.<role>), or the
 * step's own number of working days when one is given.
 */
export function dueDate(role, days) {
  check(role);
  return due("'" + role + "'", days);
}

/** ${deadlines.due(<role argument>[, <own days>])}: the one form the approval service's deploy rules accept. */
function due(roleArgument, days) {
  const own = stepDays(days);
  return '${deadlines.due(' + roleArgument + (own ? ', ' + own : '') + ')}';
}

/** A step's own working days: empty means "the role's setting"; anything else must be a whole 1..MAX_STEP_DAYS. */
export function stepDays(days) {
  const text = days === undefined || days === null ? '' : String(days).trim();
  if (text === '') {
    return null;
  }
  if (!/^[0-9]{1,3}$/.test(text) || Number(text) < 1 || Number(text) > MAX_STEP_DAYS) {
    throw new Error('Tenggat harus 1 sampai ' + MAX_STEP_DAYS + ' hari kerja (kosong: menurut pengaturan peran)');
  }
  return Number(text);
}

const DUE = /^\$\{deadlines\.due\((\s*(?:'[a-z-]+'|[A-Za-z_][A-Za-z0-9_]*)\s*)(?:,\s*([0-9]{1,3})\s*)?\)\}$/;

/** What a task's due date says: its role argument and its own days (null: the role's setting); null if not ours. */
export function parseDue(expression) {
  const match = DUE.exec(expression || '');
  return match ? { role: match[1].trim(), days: match[2] ? Number(match[2]) : null } : null;
}

/** The same due date with other days (null/empty: back to the role's setting); the role argument is kept as is. */
export function withDays(expression, days) {
  const parsed = parseDue(expression);
  if (!parsed) {
    throw new Error('Langkah ini tidak memakai batas waktu DesaFlow (${deadlines.due(...)})');
  }
  return due(parsed.role, days);
}

export function decisionCondition(...decisions) {
  return '${' + decisions.map((d) => "execution.getVariable('decision') == '" + d + "'").join(' || ') + '}';
}

/** The name a new step gets unless the administrator types another: "Persetujuan Kepala Dusun". */
export function defaultStepName(role) {
  check(role);
  return 'Persetujuan ' + ROLE_NAMES[role];
}

/** Everything the new user task carries. `name` is what officials see in their task list. */
export function approvalStep(role, name, days) {
  check(role);
  const roleName = ROLE_NAMES[role];
  const label = (name || '').trim();
  if (!label) {
    throw new Error('Nama langkah belum diisi');
  }
  return {
    name: label.slice(0, 100),
    candidateGroups: candidateGroup(role),
    dueDate: dueDate(role, days),
    role,
    listeners: TASK_EVENTS.map((event) => ({ event, delegateExpression: TASK_EVENTS_BEAN })),
    gatewayName: 'Keputusan ' + roleName + '?',
    rejectionName: 'Catat penolakan',
    endName: 'Ditolak ' + roleName
  };
}

function check(role) {
  if (!ROLES.includes(role)) {
    throw new Error('Peran tidak dikenal: ' + role);
  }
}

/**
 * Readable ids for a new step's elements (the migration page and the service's problems name elements by id):
 * Task_Persetujuan_kadus, Gateway_Keputusan_kadus, ... with _2, _3 ... when the diagram has them already.
 */
export function stepIds(role, taken) {
  check(role);
  const names = {
    task: 'Task_Persetujuan_', gateway: 'Gateway_Keputusan_', rejection: 'Task_Tolak_', end: 'EndEvent_Tolak_',
    withdrawal: 'Event_Batal_', withdrawn: 'EndEvent_Batal_',
    // the step's own revision loop (ownRevisionLoop), where the process has no revision path of its own
    again: 'Gateway_Ulang_', revision: 'Task_Perbaikan_', waiting: 'Gateway_TungguPerbaikan_',
    verified: 'Event_PerbaikanTerverifikasi_', failed: 'Event_PerbaikanGagal_', timeout: 'Event_BatasPerbaikan_',
    waitingWithdrawal: 'Event_BatalPerbaikan_', waitingWithdrawn: 'EndEvent_BatalPerbaikan_',
    toRejection: 'Gateway_TolakPerbaikan_', loopRejection: 'Task_TolakPerbaikan_', loopEnd: 'EndEvent_TolakPerbaikan_'
  };
  for (let n = 1; ; n++) {
    const ids = Object.fromEntries(Object.entries(names).map(([k, prefix]) => [k, prefix + role + (n > 1 ? '_' + n : '')]));
    if (Object.values(ids).every((id) => !taken.has(id))) {
      return ids;
    }
  }
}

/** A shape's box from its centre. */
export function box(centre, size) {
  return { x: centre.x - size.width / 2, y: centre.y - size.height / 2, width: size.width, height: size.height };
}

/** As the approval service's overlap rule: touching counts (plus a margin, so labels and arrows stay readable). */
export function collides(a, b, margin = 0) {
  return a.x + a.width + margin >= b.x && b.x + b.width + margin >= a.x
    && a.y + a.height + margin >= b.y && b.y + b.height + margin >= a.y;
}

/**
 * Where the new step's shapes go (centres), for a selected step whose box was `target` BEFORE the room was made
 * (everything from target.x on has moved SHIFT (+ LOOP_SHIFT with a loop) to the right). `occupied`: the boxes of the
 * other shapes after the move. With `loop` the step gets its own revision loop on the first free rows above the main
 * row (see loopLayout) and a merge gateway `again` in front of its task. The rejection branch goes below the gateway
 * on the first free row (or above when nothing is free below).
 */
export function insertLayout(target, occupied, { loop = false } = {}) {
  const cy = target.y + target.height / 2;
  const lead = loop ? LOOP_SHIFT : 0;
  const again = loop ? { x: target.x + SIZE.gateway.width / 2, y: cy } : undefined;
  const task = { x: target.x + lead + SIZE.task.width / 2, y: cy };
  const gateway = { x: target.x + lead + SIZE.task.width + GAP + SIZE.gateway.width / 2, y: cy };
  const taken = [...occupied];
  const free = (centres) => centres.every(([c, size]) => taken.every((o) => !collides(box(c, size), o, MARGIN)));
  let revision;
  if (loop) {
    // a row further up than the rejection's: the REVISE flow's label then fits between the gateway's and the task
    revision = search((y) => loopLayout(again, task, gateway, y - LOOP_LIFT), (at) => free(loopShapes(at)), cy, [-1]);
    taken.push(...loopShapes(revision).map(([c, size]) => box(c, size)));
  }
  const branch = search((y) => ({
    rejection: { x: gateway.x, y },
    end: { x: gateway.x + SIZE.task.width / 2 + GAP + SIZE.event.width / 2, y },
    // where a withdrawn request ends when the step itself must catch the withdrawal (see needsOwnCancellation)
    cancelled: { x: task.x, y }
  }), (at) => free([[at.rejection, SIZE.task], [at.end, SIZE.event], [at.cancelled, SIZE.event]]), cy, [1, -1]);
  return { again, task, gateway, ...branch, revision };
}

/** The first row (centre y, ever further from the main row at `cy`) where `place(y)` fits. */
function search(place, fits, cy, signs) {
  for (let step = 0; step < 40; step++) {
    for (const sign of signs) {
      const at = place(cy + sign * (ROW + step * 40));
      if (fits(at)) {
        return at;
      }
    }
  }
  throw new Error('Tidak ada tempat kosong untuk cabang langkah');
}

/**
 * A step's own revision loop, above its main row (`y`: the first loop row). Row 1 runs back to the left: "Minta
 * perbaikan" above the decision gateway, "Menunggu perbaikan" above the task, "Perbaikan terverifikasi" above the merge
 * gateway it returns to. Row 2 holds the other ways the wait ends: the withdrawal (its end above it), the failed
 * re-verification and the deadline, which go right to their own "Catat penolakan" (a flow down to the step's rejection
 * branch below would cross the main row).
 */
function loopLayout(again, task, gateway, y) {
  const up = y - 100;
  return {
    revision: { x: gateway.x, y },
    waiting: { x: task.x, y },
    verified: { x: again.x, y },
    waitingWithdrawal: { x: again.x, y: up },
    waitingWithdrawn: { x: again.x, y: up - 80 },
    failed: { x: task.x, y: up },
    timeout: { x: task.x + 70, y: up },
    toRejection: { x: gateway.x + 50, y: up },
    loopRejection: { x: gateway.x + 175, y: up },
    loopEnd: { x: gateway.x + 175 + SIZE.task.width / 2 + GAP + SIZE.event.width / 2, y: up }
  };
}

/** The loop's shapes with their sizes. */
export function loopShapes(at) {
  const size = (key) => (key === 'revision' || key === 'loopRejection' ? SIZE.task
    : key === 'waiting' || key === 'toRejection' ? SIZE.gateway : SIZE.event);
  return Object.entries(at).map(([key, centre]) => [centre, size(key)]);
}

/** A camunda:* attribute of a moddle element or of a plain test object. */
export function camundaAttr(bo, name) {
  if (!bo) {
    return undefined;
  }
  return typeof bo.get === 'function' ? bo.get('camunda:' + name) : bo['camunda:' + name];
}

/** The 'role' extension property of a user task, or undefined. */
export function roleOf(bo) {
  const values = (bo && bo.extensionElements && bo.extensionElements.values) || [];
  for (const extension of values) {
    if (extension.$type === 'camunda:Properties') {
      const property = (extension.values || []).find((p) => p.name === 'role');
      if (property) {
        return property.value;
      }
    }
  }
  return undefined;
}

/** The extension property marking the step that signs the letter (never moved by the tools). */
export function signs(bo) {
  const values = (bo && bo.extensionElements && bo.extensionElements.values) || [];
  return values.some((e) => e.$type === 'camunda:Properties'
    && (e.values || []).some((p) => p.name === 'step' && p.value === 'signature'));
}

const conditionOf = (flow) => (flow.conditionExpression && flow.conditionExpression.body) || '';

/** Which decision a gateway's flow carries: APPROVE for the default flow, else read from its condition. */
export function decisionsOf(flow, gateway) {
  if (gateway && gateway.default === flow) {
    return ['APPROVE'];
  }
  return DECISIONS.filter((d) => new RegExp("(?:\\bdecision\\b|execution\\.getVariable\\(\\s*['\"]decision['\"]\\s*\\))"
    + "\\s*(?:==|eq)\\s*['\"]" + d + "['\"]").test(conditionOf(flow)));
}

/**
 * An approval step as the tools know it (business objects): a user task with a role, its single outgoing flow into an
 * exclusive gateway, the flow carrying APPROVE and the element it leads to. Undefined when the task is not one.
 */
export function approvalStepAt(task) {
  if (!task || task.$type !== 'bpmn:UserTask' || roleOf(task) === undefined) {
    return undefined;
  }
  const out = task.outgoing || [];
  const gateway = out.length === 1 ? out[0].targetRef : undefined;
  if (!gateway || gateway.$type !== 'bpmn:ExclusiveGateway') {
    return undefined;
  }
  const approve = (gateway.outgoing || []).find((f) => decisionsOf(f, gateway).includes('APPROVE'));
  if (!approve) {
    return undefined;
  }
  return { task, gateway, approve, next: approve.targetRef };
}

/** A service task running this delegate (`${recordRejection}`, `${requestRevision}`). */
const isService = (element, delegate) => !!element && element.$type === 'bpmn:ServiceTask'
  && camundaAttr(element, 'delegateExpression') === delegate;

/** The merge gateway in front of an element: its only incoming flow comes from an exclusive gateway with one way out. */
function mergeBefore(element) {
  const incoming = element.incoming || [];
  const merge = incoming.length === 1 ? incoming[0].sourceRef : undefined;
  return merge && merge.$type === 'bpmn:ExclusiveGateway' && (merge.outgoing || []).length === 1 ? merge : undefined;
}

/**
 * The rejection branch a removed step takes with it: for each non-approving flow of its gateway, a "Catat penolakan"
 * task (${recordRejection}) that only this gateway leads to, and the end events only that task leads to.
 */
export function ownRejectionBranch(step) {
  const own = [];
  for (const flow of step.gateway.outgoing || []) {
    const target = flow.targetRef;
    if (flow === step.approve || !target || (target.incoming || []).length !== 1) {
      continue;
    }
    if (isService(target, RECORD_REJECTION)) {
      own.push(target);
      for (const out of target.outgoing || []) {
        if (out.targetRef && out.targetRef.$type === 'bpmn:EndEvent' && (out.targetRef.incoming || []).length === 1) {
          own.push(out.targetRef);
        }
      }
    }
  }
  return own;
}

/**
 * Whether a step in this process must catch the resident's withdrawal itself: the process has no event sub-process
 * started by the RequestCancelled message (the village chain has one; a letter type's own process does not, so a
 * request waiting at a step inserted there could not be withdrawn). A process-wide event sub-process is NOT added:
 * the approval service correlates the withdrawal to every waiting subscription of the request at once, and one in the
 * letter type's process next to the chain's would make that fail (Camunda: "does not have a subscription ...") while
 * the request is in the chain. A boundary event on the step is only there while the request waits at it.
 */
export function needsOwnCancellation(process) {
  const cancelledBy = (element) => (element.eventDefinitions || []).some((d) => d.$type === 'bpmn:MessageEventDefinition'
    && d.messageRef && d.messageRef.name === REQUEST_CANCELLED);
  return !(process.flowElements || []).some((e) => e.$type === 'bpmn:SubProcess' && e.triggeredByEvent
    && (e.flowElements || []).some((s) => s.$type === 'bpmn:StartEvent' && cancelledBy(s)));
}

/**
 * Where a REVISE decision goes in this process: the merge gateway in front of its "Minta perbaikan" task
 * (${requestRevision}, as the village chain has), or that task when nothing leads to it yet. Undefined when the
 * process has no shared revision path (a letter type's own process): then the tools give the step its own loop
 * (ownRevisionLoop). Another step's own loop is never a shared path: its task has exactly one incoming flow.
 */
export function revisionEntry(flowElements) {
  for (const task of (flowElements || []).filter((e) => isService(e, REQUEST_REVISION))) {
    if ((task.incoming || []).length === 0) {
      return task;
    }
    const merge = mergeBefore(task);
    if (merge) {
      return merge;
    }
  }
  return undefined;
}

/**
 * The revision loop a step owns (built by the tools where the process has no revision path): its REVISE flow leads
 * to a "Minta perbaikan" task only this step leads to, and everything from there up to the merge gateway in front of
 * the step's task (`again`, where a verified correction returns). Undefined for a step that uses a shared path.
 */
export function ownRevisionLoop(step) {
  const revise = (step.gateway.outgoing || []).find((f) => f !== step.approve
    && decisionsOf(f, step.gateway).includes('REVISE'));
  const start = revise && revise.targetRef;
  if (!isService(start, REQUEST_REVISION) || (start.incoming || []).length !== 1) {
    return undefined;
  }
  const again = mergeBefore(step.task);
  if (!again) {
    return undefined;
  }
  const elements = [];
  const seen = new Set([again, step.task]);
  const queue = [start];
  while (queue.length) {
    const element = queue.shift();
    if (seen.has(element)) {
      continue;
    }
    seen.add(element);
    elements.push(element);
    queue.push(...(element.outgoing || []).map((f) => f.targetRef).filter(Boolean));
  }
  const returns = (again.incoming || []).some((f) => elements.includes(f.sourceRef));
  return returns ? { again, elements } : undefined;
}

/** The step whose own revision loop returns through this merge gateway (with that `loop`), or undefined. */
export function stepBehind(gateway) {
  const out = gateway && gateway.$type === 'bpmn:ExclusiveGateway' ? gateway.outgoing || [] : [];
  const step = out.length === 1 ? approvalStepAt(out[0].targetRef) : undefined;
  const loop = step && ownRevisionLoop(step);
  return loop && loop.again === gateway ? { ...step, loop } : undefined;
}
