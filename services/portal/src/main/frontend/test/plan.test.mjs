// Unit tests of the step tools' pure part (node --test; run by `npm test` and by Maven after the bundle is built).
import test from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_STEP_DAYS, ROLES, SHIFT, approvalStep, parseDue, stepDays, withDays, defaultStepName, approvalStepAt, candidateGroup, collides, decisionCondition, decisionsOf, dueDate,
  insertLayout, needsOwnCancellation, ownRejectionBranch, revisionEntry
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

function chain() {
  // task -> gateway -> (APPROVE) next, (REJECT) record rejection -> end, (REVISE) merge -> request revision
  const bo = (type, extra = {}) => Object.assign({ $type: type, incoming: [], outgoing: [] }, extra);
  const flow = (from, to, body) => {
    const f = { sourceRef: from, targetRef: to, conditionExpression: body && { body } };
    from.outgoing.push(f);
    to.incoming.push(f);
    return f;
  };
  const role = (value) => ({ values: [{ $type: 'camunda:Properties', values: [{ name: 'role', value }] }] });
  const task = bo('bpmn:UserTask', { id: 'T', extensionElements: role('rw') });
  const gateway = bo('bpmn:ExclusiveGateway', { id: 'G' });
  const next = bo('bpmn:UserTask', { id: 'N', extensionElements: role('sekdes') });
  const rejection = bo('bpmn:ServiceTask', { id: 'R', 'camunda:delegateExpression': '${recordRejection}' });
  const end = bo('bpmn:EndEvent', { id: 'E' });
  const merge = bo('bpmn:ExclusiveGateway', { id: 'M' });
  const revision = bo('bpmn:ServiceTask', { id: 'V', 'camunda:delegateExpression': '${requestRevision}' });
  flow(task, gateway);
  flow(gateway, next, decisionCondition('APPROVE'));
  flow(gateway, rejection, decisionCondition('REJECT'));
  flow(rejection, end);
  flow(gateway, merge, decisionCondition('REVISE'));
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
