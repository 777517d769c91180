// Unit tests of the step tools' pure part (node --test; run by `npm test` and by Maven after the bundle is built).
import test from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_STEP_DAYS, ROLES, SHIFT, approvalStep, parseDue, stepDays, withDays, defaultStepName, approvalStepAt, candidateGroup, collides, decisionCondition, decisionsOf, dueDate,
  insertLayout, needsOwnCancellation, ownRejectionBranch, revisionEntry, box
} from '../src/steps/plan.js';

test('a step carries what the approval service requires of every user task', () => {
  const step = approvalStep('sekdes', '  Paraf Sekretaris Desa ');
  assert.equal(step.name, 'Paraf Sekretaris Desa');
  assert.equal(step.candidateGroups, 'desa:${villageCode}:sekdes');
  assert.equal(step.dueDate, "${deadlines.due('sekdes')}");
  assert.equal(step.role, 'sekdes');
  assert.deepEqual(step.listeners.map((l) => `${l.event}=${l.delegateExpression}`),
    ['create=${approvalTaskEvents}', 'complete=${approvalTaskEvents}']);
  assert.equal(step.gatewayName, 'Keputusan Sekretaris Desa?');
  assert.equal(step.endName, 'Ditolak Sekretaris Desa');
  // the diagram speaks Indonesian whatever the administrator's page language
  assert.equal(defaultStepName('kadus'), 'Persetujuan Kepala Dusun');
  assert.equal(defaultStepName('kasi-pemerintahan'), 'Persetujuan Kasi Pemerintahan');
});

test('a kepala dusun decides only for his own dusun; unknown roles and empty names are refused', () => {
  assert.equal(candidateGroup('kadus'), 'desa:${villageCode}:kadus:${dusunSlug}');
  assert.equal(dueDate('kadus'), "${deadlines.due('kadus')}");
  assert.throws(() => approvalStep('camat', 'X'), /Peran tidak dikenal/);
  assert.throws(() => approvalStep('kadus', '  '), /Nama langkah/);
  assert.throws(() => candidateGroup("x'); evil('"), /Peran tidak dikenal/);
  assert.deepEqual(ROLES.slice().sort(), ['kades', 'kadus', 'kasi-pelayanan', 'kasi-pemerintahan', 'operator', 'rt',
    'rw', 'sekdes']);
});

test('conditions route decisions the way the deploy rule reads them', () => {
  assert.equal(decisionCondition('REJECT', 'REVISE'),
    "${execution.getVariable('decision') == 'REJECT' || execution.getVariable('decision') == 'REVISE'}");
  const gateway = {};
  const flow = { conditionExpression: { body: decisionCondition('REJECT', 'REVISE') } };
  assert.deepEqual(decisionsOf(flow, gateway), ['REVISE', 'REJECT']);
  gateway.default = flow;
  assert.deepEqual(decisionsOf(flow, gateway), ['APPROVE']);
  assert.deepEqual(decisionsOf({ conditionExpression: { body: "${decision == 'APPROVE'}" } }, {}), ['APPROVE']);
});

test('the new shapes sit where the selected step was, the rejection branch on the first free row', () => {
  const target = { x: 690, y: 80, width: 100, height: 80 };
  const free = insertLayout(target, []);
  assert.deepEqual(free.task, { x: 740, y: 120 });
  assert.deepEqual(free.gateway, { x: 865, y: 120 });
  assert.deepEqual(free.rejection, { x: 865, y: 250 });
  assert.equal(free.end.y, 250);
  assert.ok(free.end.x > free.rejection.x + 50);
  // something already below the gateway: the branch goes above, and further away when that is taken too
  const below = { x: 800, y: 200, width: 100, height: 80 };
  const moved = insertLayout(target, [below]);
  assert.equal(moved.rejection.y, 120 - 130);
  const further = insertLayout(target, [below, { x: 800, y: -60, width: 100, height: 80 }]);
  assert.equal(further.rejection.y, 120 + 250); // +170 and +210 would touch the shape below
  const box = { x: moved.rejection.x - 50, y: moved.rejection.y - 40, width: 100, height: 80 };
  assert.equal(collides(box, below, 15), false);
  assert.equal(SHIFT, 250);
});

/** Business objects as bpmn-js gives them to the tools: type, id, incoming and outgoing flows. */
const node = (type, id, extra = {}) => Object.assign({ $type: type, id, incoming: [], outgoing: [] }, extra);
function flow(from, to, body) {
  const f = { sourceRef: from, targetRef: to, conditionExpression: body && { body } };
  from.outgoing.push(f);
  to.incoming.push(f);
  return f;
}
const approver = (id, value) => node('bpmn:UserTask', id,
  { extensionElements: { values: [{ $type: 'camunda:Properties', values: [{ name: 'role', value }] }] } });

/** task -> gateway -> (APPROVE) next, (REJECT) rejection -> end, (REVISE) revise: an approval step as the tools make it. */
function decisions(task, gateway, next, revise, [rejectionId, endId]) {
  const rejection = node('bpmn:ServiceTask', rejectionId, { 'camunda:delegateExpression': '${recordRejection}' });
  const end = node('bpmn:EndEvent', endId);
  flow(task, gateway);
  flow(gateway, next, decisionCondition('APPROVE'));
  flow(gateway, rejection, decisionCondition('REJECT'));
  flow(rejection, end);
  flow(gateway, revise, decisionCondition('REVISE'));
  return { rejection, end };
}

function chain() {
  // task -> gateway -> (APPROVE) next, (REJECT) record rejection -> end, (REVISE) merge -> request revision
  const task = approver('T', 'rw');
  const gateway = node('bpmn:ExclusiveGateway', 'G');
  const next = approver('N', 'sekdes');
  const merge = node('bpmn:ExclusiveGateway', 'M');
  const revision = node('bpmn:ServiceTask', 'V', { 'camunda:delegateExpression': '${requestRevision}' });
  const { rejection, end } = decisions(task, gateway, next, merge, ['R', 'E']);
  flow(merge, revision);
  return { task, gateway, next, rejection, end, merge, revision };
}

test('a step is found from its task, with its own rejection branch but not the shared revision path', () => {
  const c = chain();
  const step = approvalStepAt(c.task);
  assert.equal(step.gateway, c.gateway);
  assert.equal(step.next, c.next);
  assert.deepEqual(ownRejectionBranch(step).map((e) => e.id), ['R', 'E']);
  assert.equal(approvalStepAt(c.rejection), undefined);
  assert.equal(approvalStepAt({ $type: 'bpmn:UserTask', outgoing: [] }), undefined); // no role: not a DesaFlow step
});

test('REVISE joins the merge gateway in front of the revision task, or nothing without one', () => {
  const c = chain();
  assert.equal(revisionEntry(Object.values(c)), c.merge);
  assert.equal(revisionEntry([c.task, c.gateway]), undefined);
});

test('steps go before tasks and call activities something leads to, never before another decision\'s ending', async () => {
  const { canInsertBefore } = await import('../src/steps/tools.js');
  const flow = { type: 'bpmn:SequenceFlow' };
  const shape = (type, delegate, incoming = [flow]) => ({ type, incoming,
    businessObject: { 'camunda:delegateExpression': delegate } });
  assert.equal(canInsertBefore(shape('bpmn:CallActivity')), true);
  assert.equal(canInsertBefore(shape('bpmn:UserTask')), true);
  assert.equal(canInsertBefore(shape('bpmn:ServiceTask', '${issueLetter}')), true);
  assert.equal(canInsertBefore(shape('bpmn:ServiceTask', '${recordRejection}')), false);
  assert.equal(canInsertBefore(shape('bpmn:ServiceTask', '${requestRevision}')), false);
  assert.equal(canInsertBefore(shape('bpmn:UserTask', undefined, [])), false); // nothing leads to it
  assert.equal(canInsertBefore(shape('bpmn:ExclusiveGateway')), false);
  assert.equal(canInsertBefore(null), false);
});

test('a step catches the withdrawal itself only where no event sub-process of the process does', () => {
  const cancelled = { $type: 'bpmn:StartEvent', eventDefinitions: [{ $type: 'bpmn:MessageEventDefinition',
    messageRef: { name: 'RequestCancelled' } }] };
  const chain = { flowElements: [{ $type: 'bpmn:SubProcess', triggeredByEvent: true, flowElements: [cancelled] }] };
  assert.equal(needsOwnCancellation(chain), false);
  assert.equal(needsOwnCancellation({ flowElements: [{ $type: 'bpmn:CallActivity' }] }), true); // a letter type's
  const other = { flowElements: [{ $type: 'bpmn:SubProcess', triggeredByEvent: true, flowElements: [
    { $type: 'bpmn:StartEvent', eventDefinitions: [{ $type: 'bpmn:MessageEventDefinition', messageRef: { name: 'X' } }] }] }] };
  assert.equal(needsOwnCancellation(other), true);
});

test('a new step\'s elements get readable ids, numbered when the diagram has them already', async () => {
  const { stepIds } = await import('../src/steps/plan.js');
  const first = stepIds('kadus', new Set(['Call_Chain']));
  assert.equal(first.task, 'Task_Persetujuan_kadus');
  assert.equal(first.gateway, 'Gateway_Keputusan_kadus');
  assert.equal(first.withdrawn, 'EndEvent_Batal_kadus');
  const second = stepIds('kadus', new Set(Object.values(first)));
  assert.equal(second.task, 'Task_Persetujuan_kadus_2');
  assert.equal(stepIds('kasi-pelayanan', new Set(['EndEvent_Tolak_kasi-pelayanan'])).task, 'Task_Persetujuan_kasi-pelayanan_2');
});

test('a step may have its own deadline in working days; the role stays in the expression', () => {
  assert.equal(dueDate('kadus', 3), "${deadlines.due('kadus', 3)}");
  assert.equal(dueDate('kadus', ''), "${deadlines.due('kadus')}");
  assert.equal(approvalStep('rw', 'Persetujuan Ketua RW', '5').dueDate, "${deadlines.due('rw', 5)}");
  assert.deepEqual(parseDue("${deadlines.due('kadus', 3)}"), { role: "'kadus'", days: 3 });
  assert.deepEqual(parseDue('${deadlines.due(kasiRole)}'), { role: 'kasiRole', days: null });
  assert.equal(parseDue('2026-12-31T00:00:00'), null);
  assert.equal(withDays('${deadlines.due(kasiRole)}', 4), '${deadlines.due(kasiRole, 4)}');
  assert.equal(withDays("${deadlines.due('sekdes', 4)}", ' '), "${deadlines.due('sekdes')}");
  for (const bad of ['0', '-1', '2.5', 'tiga', String(MAX_STEP_DAYS + 1), "1); evil('"]) {
    assert.throws(() => stepDays(bad), /Tenggat harus 1 sampai 30/, bad);
  }
  assert.throws(() => withDays('${x}', 3), /batas waktu DesaFlow/);
});

/** A letter type's own process after the tools gave a kepala dusun step its own revision loop (business objects). */
function letterTypeWithLoop() {
  const before = node('bpmn:BusinessRuleTask', 'Task_ChooseKadus');
  const again = node('bpmn:ExclusiveGateway', 'Gateway_Ulang_kadus');
  const task = approver('Task_Persetujuan_kadus', 'kadus');
  const gateway = node('bpmn:ExclusiveGateway', 'Gateway_Keputusan_kadus');
  const chain = node('bpmn:CallActivity', 'Call_Chain');
  const revision = node('bpmn:ServiceTask', 'Task_Perbaikan_kadus', { 'camunda:delegateExpression': '${requestRevision}' });
  const waiting = node('bpmn:EventBasedGateway', 'Gateway_TungguPerbaikan_kadus');
  const verified = node('bpmn:IntermediateCatchEvent', 'Event_PerbaikanTerverifikasi_kadus');
  const failed = node('bpmn:IntermediateCatchEvent', 'Event_PerbaikanGagal_kadus');
  const timeout = node('bpmn:IntermediateCatchEvent', 'Event_BatasPerbaikan_kadus');
  const toRejection = node('bpmn:ExclusiveGateway', 'Gateway_TolakPerbaikan_kadus');
  const loopRejection = node('bpmn:ServiceTask', 'Task_TolakPerbaikan_kadus',
    { 'camunda:delegateExpression': '${recordRejection}' });
  const loopEnd = node('bpmn:EndEvent', 'EndEvent_TolakPerbaikan_kadus');
  flow(before, again);
  flow(again, task);
  const { rejection, end } = decisions(task, gateway, chain, revision, ['Task_Tolak_kadus', 'EndEvent_Tolak_kadus']);
  flow(revision, waiting);
  flow(waiting, verified);
  flow(verified, again);
  flow(waiting, failed);
  flow(waiting, timeout);
  flow(failed, toRejection);
  flow(timeout, toRejection);
  flow(toRejection, loopRejection);
  flow(loopRejection, loopEnd);
  return { before, again, task, gateway, chain, rejection, end, revision, waiting, verified, failed, timeout,
    toRejection, loopRejection, loopEnd };
}

test('in a letter type\'s process a step owns its revision loop: REVISE comes back to the same step', async () => {
  const { ownRevisionLoop, stepBehind } = await import('../src/steps/plan.js');
  const p = letterTypeWithLoop();
  // the step's own loop is never taken for a shared revision path (a second step gets a loop of its own)
  assert.equal(revisionEntry(Object.values(p)), undefined);
  const step = approvalStepAt(p.task);
  const loop = ownRevisionLoop(step);
  assert.equal(loop.again, p.again);
  assert.deepEqual(loop.elements.map((e) => e.id).sort(), ['EndEvent_TolakPerbaikan_kadus', 'Event_BatasPerbaikan_kadus',
    'Event_PerbaikanGagal_kadus', 'Event_PerbaikanTerverifikasi_kadus', 'Gateway_TolakPerbaikan_kadus',
    'Gateway_TungguPerbaikan_kadus', 'Task_Perbaikan_kadus', 'Task_TolakPerbaikan_kadus']);
  // REJECT keeps its own branch; the loop is not part of it (swap renames that branch's end only)
  assert.deepEqual(ownRejectionBranch(step).map((e) => e.id), ['Task_Tolak_kadus', 'EndEvent_Tolak_kadus']);
  // the merge in front of the task stands for the step (the step before approves into it)
  assert.equal(stepBehind(p.again).task, p.task);
  assert.equal(stepBehind(p.gateway), undefined);
  // the chain's steps share its revision path: no loop of their own
  const c = chain();
  assert.equal(ownRevisionLoop(approvalStepAt(c.task)), undefined);
  // a verified correction that does not come back to the step is not a loop of the step
  p.verified.outgoing[0].targetRef = p.chain;
  p.again.incoming.splice(p.again.incoming.findIndex((f) => f.sourceRef === p.verified), 1);
  assert.equal(ownRevisionLoop(approvalStepAt(p.task)), undefined);
});

test('the revision loop takes free rows above the step, apart from every other shape and the rejection branch', async () => {
  const { loopShapes, LOOP_SHIFT } = await import('../src/steps/plan.js');
  const target = { x: 690, y: 80, width: 100, height: 80 };
  const at = insertLayout(target, [], { loop: true });
  // merge gateway, task, decision gateway on the main row, the room made SHIFT + LOOP_SHIFT wide
  assert.deepEqual([at.again, at.task, at.gateway], [{ x: 715, y: 120 }, { x: 840, y: 120 }, { x: 965, y: 120 }]);
  assert.equal(SHIFT + LOOP_SHIFT, 350);
  assert.deepEqual(at.revision.revision, { x: 965, y: -50 }); // "Minta perbaikan" right above the decision
  assert.equal(at.revision.verified.x, at.again.x); // the verified correction drops straight into the merge
  assert.equal(at.rejection.y, 250); // REJECT still below
  const boxes = [...loopShapes(at.revision), [at.again, { width: 50, height: 50 }], [at.task, { width: 100, height: 80 }],
    [at.gateway, { width: 50, height: 50 }], [at.rejection, { width: 100, height: 80 }], [at.end, { width: 36, height: 36 }],
    [at.cancelled, { width: 36, height: 36 }]]
    .map(([c, s]) => box(c, s));
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => assert.equal(collides(a, b), false,
    `${JSON.stringify(a)} touches ${JSON.stringify(b)}`)));
  // something above: the loop moves further up, never onto it
  const above = { x: 900, y: -100, width: 100, height: 80 };
  const moved = insertLayout(target, [above], { loop: true });
  assert.ok(moved.revision.revision.y < -50);
  loopShapes(moved.revision).forEach(([c, s]) => assert.equal(collides(box(c, s), above, 15), false));
  // without a loop nothing changes: no merge gateway, no loop
  const plain = insertLayout(target, []);
  assert.equal(plain.again, undefined);
  assert.equal(plain.revision, undefined);
  assert.deepEqual(plain.task, { x: 740, y: 120 });
});

test('the loop\'s elements get readable ids per step, numbered with the step', async () => {
  const { stepIds } = await import('../src/steps/plan.js');
  const first = stepIds('kadus', new Set());
  assert.deepEqual([first.again, first.revision, first.waiting, first.verified, first.failed, first.timeout],
    ['Gateway_Ulang_kadus', 'Task_Perbaikan_kadus', 'Gateway_TungguPerbaikan_kadus', 'Event_PerbaikanTerverifikasi_kadus',
      'Event_PerbaikanGagal_kadus', 'Event_BatasPerbaikan_kadus']);
  const second = stepIds('kadus', new Set(['Task_Perbaikan_kadus']));
  assert.equal(second.task, 'Task_Persetujuan_kadus_2');
  assert.equal(second.revision, 'Task_Perbaikan_kadus_2');
});
