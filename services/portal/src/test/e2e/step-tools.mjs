// Browser check of the editor's approval-step tools (insert / swap / remove a complete approval step), WITHOUT a stack:
// it serves the built editor bundle and the repository's real workflow files from a small local server (random port),
// drives the tools through the panel in headless Debian chromium, checks the resulting diagrams and bpmnlint's verdict
// in the page, and writes them to OUT (default target/step-tools). The approval service validates the same files with
// its deploy rules (EditorStepToolFilesTest reads services/approval/src/test/resources/editor-steps/, refreshed with
// OUT=../../services/approval/src/test/resources/editor-steps).
//
//   (cd services/portal/src/main/frontend && node build.mjs)    # or mvn -o -q -pl services/portal compile
//   cd infra/e2e && node ../../services/portal/src/test/e2e/step-tools.mjs
//
// The panel markup below mirrors templates/admin-alur-editor.html (ids and data-t-* texts); editor.mjs checks the
// real page against a running stack.
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, launch } from '../../../../../infra/e2e/lib.mjs';

const repo = fileURLToPath(new URL('../../../../../', import.meta.url));
const bundle = path.join(repo, 'services/portal/target/classes/static/editor');
const out = path.resolve(process.env.OUT ?? 'target/step-tools');
mkdirSync(out, { recursive: true });

const page = (key) => `<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<link rel="stylesheet" href="/editor/alur-editor.css"></head><body><main class="alur-lebar">
<div id="alur-editor" class="alur-editor" data-xml="/workflows/${key}.bpmn" data-check="/periksa" data-deploy="/terapkan">
  <div id="alur-kanvas" class="alur-kanvas"></div><div id="alur-properti" class="alur-properti"></div></div>
<section id="alur-langkah" data-t-choose="(pilih langkah)" data-t-nothing="Belum ada langkah yang dipilih."
  data-t-selected="Dipilih: {0}" data-t-selected-step="Dipilih: {0} (langkah persetujuan oleh {1})"
  data-t-by-table="petugas menurut tabel keputusan" data-t-inserted='Langkah "{0}" disisipkan sebelum "{1}".'
  data-t-removed='Langkah "{0}" dihapus.' data-t-swapped='Urutan petugas ditukar; sekarang "{0}" menyusul.'
  data-t-undone="Perubahan terakhir diurungkan." data-t-deadline-own="Tenggat langkah ini: {0} hari kerja."
  data-t-deadline-role="Tenggat langkah ini mengikuti pengaturan desa untuk perannya."
  data-t-deadline-set='Tenggat "{0}" diubah.'>
  <label for="langkah-pilih">Langkah yang dipilih</label><select id="langkah-pilih"></select><p id="langkah-terpilih"></p>
  <label for="langkah-peran">Petugas</label><select id="langkah-peran">
    <option value="kadus">Kepala Dusun</option><option value="rt">Ketua RT</option><option value="rw">Ketua RW</option>
    <option value="kasi-pelayanan">Kasi Pelayanan</option><option value="kasi-pemerintahan">Kasi Pemerintahan</option>
    <option value="sekdes">Sekretaris Desa</option><option value="kades">Kepala Desa</option>
    <option value="operator">Operator Desa</option></select>
  <label for="langkah-nama">Nama langkah</label><input id="langkah-nama">
  <label for="langkah-hari">Tenggat (hari kerja)</label><input type="number" id="langkah-hari">
  <p id="tenggat-sekarang"></p><label for="tenggat-hari">Tenggat (hari kerja)</label><input type="number" id="tenggat-hari">
  <button type="button" id="tenggat-ubah">Ubah tenggat</button>
  <button type="button" id="langkah-sisipkan">Sisipkan</button><button type="button" id="langkah-tukar">Tukar</button>
  <button type="button" id="langkah-hapus">Hapus</button><button type="button" id="langkah-urungkan">Urungkan</button>
  <p id="langkah-status" hidden></p>
</section>
<p id="alur-status" hidden></p><ul id="alur-masalah"></ul><button id="alur-periksa">Periksa</button>
<button id="alur-terapkan">Terapkan</button></main><script src="/editor/alur-editor.js"></script></body></html>`;

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://local');
  const send = (type, body) => { res.writeHead(200, { 'Content-Type': type }); res.end(body); };
  try {
    if (url.pathname.startsWith('/alur/')) return send('text/html', page(url.pathname.split('/').pop()));
    if (url.pathname.startsWith('/workflows/')) {
      return send('application/xml', readFileSync(path.join(repo, 'workflows', path.basename(url.pathname))));
    }
    if (url.pathname.startsWith('/editor/')) {
      const file = path.basename(url.pathname);
      const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'font/woff2';
      return send(type, readFileSync(path.join(bundle, file)));
    }
  } catch (missing) { /* 404 below */ }
  res.writeHead(404);
  res.end();
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await launch();
let failed = 0;

async function open(key) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'id-ID' });
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(e.message));
  await p.goto(`${base}/alur/${key}`);
  await p.waitForSelector('#alur-editor[data-ready="true"]', { timeout: 20_000 });
  p.errors = errors;
  p.baseline = await lint(p);
  if (p.baseline.length) console.log(`  ${key}: bpmnlint before any change: ${p.baseline.join('; ')}`);
  return p;
}

/** Chooses a step in the panel's list (as a keyboard user does) and presses a tool's button. */
async function use(p, elementId, button, role) {
  await p.selectOption('#langkah-pilih', elementId);
  if (role) await p.selectOption('#langkah-peran', role);
  expect(await p.locator(button).isEnabled(), `${button} is disabled for ${elementId}`);
  await p.click(button);
  const status = await p.locator('#langkah-status').innerText();
  expect(!/tone-refused/.test(await p.locator('#langkah-status').getAttribute('class')), `refused: ${status}`);
  return status;
}

/** What bpmnlint (recommended + Camunda 7.24 compatibility, as in the page) reports, as "element: rule" lines. */
const lint = (p) => p.evaluate(async () => {
  const found = await window.desaflowEditor.get('linting').lint();
  return Object.entries(found).flatMap(([rule, list]) => list.filter((i) => i.category !== 'info')
    .map((i) => `${i.id}: ${rule} (${i.category}) ${i.message}`));
});

/** bpmnlint finds nothing the shipped diagram did not already have. */
async function lintClean(p) {
  const issues = (await lint(p)).filter((i) => !p.baseline.includes(i));
  expect(issues.length === 0, `bpmnlint: ${issues.join('; ')}`);
}

const facts = (p) => p.evaluate(() => {
  const registry = window.desaflowEditor.get('elementRegistry');
  return registry.filter((e) => !e.labelTarget && e.type !== 'label' && !e.waypoints && e.parent
    && e.parent.type === 'bpmn:Process').map((e) => {
    const bo = e.businessObject;
    const props = (bo.extensionElements?.values ?? []).filter((x) => x.$type === 'camunda:Properties')
      .flatMap((x) => x.values);
    return { id: e.id, type: e.type, name: bo.name, x: e.x, y: e.y, groups: bo.get('camunda:candidateGroups'),
      due: bo.get('camunda:dueDate'), role: props.find((x) => x.name === 'role')?.value, host: e.host?.id,
      message: bo.eventDefinitions?.[0]?.messageRef?.name, timer: bo.eventDefinitions?.[0]?.timeDuration?.body,
      out: (e.outgoing ?? []).map((f) => ({ to: f.target.id, name: f.businessObject.name,
        condition: f.businessObject.conditionExpression?.body })) };
  });
});

const xmlOf = (p) => p.evaluate(async () => (await window.desaflowEditor.saveXML({ format: true })).xml);

/**
 * A letter type's step has its own revision loop: REVISE -> Minta perbaikan -> Menunggu perbaikan (event-based) ->
 * RevisionVerified back to the step's merge, RevisionFailed and the deadline to its own "Catat penolakan", the
 * withdrawal to an end.
 */
async function expectOwnLoop(shapes, suffix, taskId) {
  const at = (id) => shapes.find((e) => e.id === id + suffix);
  const gateway = at('Gateway_Keputusan_');
  const revise = gateway.out.find((f) => f.condition.includes("'REVISE'"));
  expect(revise && revise.to === 'Task_Perbaikan_' + suffix && revise.name === 'Perlu perbaikan',
    `REVISE does not go to the step's own "Minta perbaikan": ${JSON.stringify(revise)}`);
  const revision = at('Task_Perbaikan_');
  expect(revision.name === 'Minta perbaikan' && revision.out[0].to === 'Gateway_TungguPerbaikan_' + suffix, 'no wait');
  const waiting = at('Gateway_TungguPerbaikan_');
  expect(waiting.type === 'bpmn:EventBasedGateway' && waiting.out.length === 4, `wait: ${JSON.stringify(waiting)}`);
  const caught = waiting.out.map((f) => shapes.find((e) => e.id === f.to));
  const by = (m) => caught.find((e) => e.message === m);
  expect(by('RevisionVerified')?.out[0].to === 'Gateway_Ulang_' + suffix, 'a verified correction does not come back');
  expect(at('Gateway_Ulang_').out[0].to === taskId, 'not back to the same step');
  const toRejection = 'Gateway_TolakPerbaikan_' + suffix;
  expect(by('RevisionFailed')?.out[0].to === toRejection, 'a failed correction is not rejected');
  const timer = caught.find((e) => e.timer === "${deadlines.of('perbaikan')}");
  expect(timer?.out[0].to === toRejection, `no correction deadline: ${JSON.stringify(caught)}`);
  const rejection = shapes.find((e) => e.id === at('Gateway_TolakPerbaikan_').out[0].to);
  expect(rejection.name === 'Catat penolakan', 'the loop does not record the rejection');
  const withdrawn = shapes.find((e) => e.id === by('RequestCancelled')?.out[0].to);
  expect(withdrawn?.type === 'bpmn:EndEvent', 'no withdrawal while waiting for the correction');
}

async function save(p, file) {
  const xml = await xmlOf(p);
  writeFileSync(path.join(out, file), xml);
  return xml;
}

const checks = {
  'SKU: kepala dusun disisipkan sebelum rantai desa, lalu dihapus lagi': async () => {
    const p = await open('surat-keterangan-usaha');
    const before = await facts(p);
    const chainX = before.find((e) => e.id === 'Call_Chain').x;
    expect(await p.inputValue('#langkah-nama') === 'Persetujuan Kepala Dusun', 'step name not prefilled');
    expect(await p.locator('#langkah-hapus').isDisabled(), 'remove enabled with nothing selected');
    // as the browser journey (infra/e2e/journeys/workflow.mjs) does it: the step by its name in the list
    await p.selectOption('#langkah-pilih', { label: 'Rantai persetujuan desa' });
    expect(await p.inputValue('#langkah-pilih') === 'Call_Chain', 'the chain is not chosen by its name');
    await p.fill('#langkah-hari', '3'); // the kepala dusun gets 3 working days, not his role's setting
    const said = await use(p, 'Call_Chain', '#langkah-sisipkan', 'kadus');
    const listed = p.locator('#langkah-pilih option', { hasText: /^(Persetujuan|Cek lapangan) Kepala Dusun$/ });
    expect(await listed.count() === 1 && (await listed.first().textContent()).trim() === 'Persetujuan Kepala Dusun',
      'the journey would not find the kepala dusun step in the list');
    expect(said.includes('Persetujuan Kepala Dusun') && said.includes('Rantai persetujuan desa'), `status: ${said}`);
    const after = await facts(p);
    const task = after.find((e) => e.type === 'bpmn:UserTask');
    expect(task && task.name === 'Persetujuan Kepala Dusun', 'no kepala dusun task');
    expect(task.id === 'Task_Persetujuan_kadus', `not a readable id: ${task.id}`);
    expect(task.groups === 'desa:${villageCode}:kadus:${dusunSlug}' && task.due === "${deadlines.due('kadus', 3)}"
      && task.role === 'kadus', `task not a DesaFlow step: ${JSON.stringify(task)}`);
    const chooser = after.find((e) => e.id === 'Task_ChooseKadus');
    // the step is entered through its merge gateway, where a verified correction comes back
    expect(chooser.out.length === 1 && chooser.out[0].to === 'Gateway_Ulang_kadus',
      `the incoming flow does not lead to the new step's merge: ${JSON.stringify(chooser.out)}`);
    const again = after.find((e) => e.id === 'Gateway_Ulang_kadus');
    expect(again.type === 'bpmn:ExclusiveGateway' && again.out.length === 1 && again.out[0].to === task.id,
      'the merge does not lead to the step');
    const gateway = after.find((e) => e.id === task.out[0].to);
    expect(gateway.type === 'bpmn:ExclusiveGateway' && gateway.out.length === 3, 'no decision gateway');
    const approve = gateway.out.find((f) => f.to === 'Call_Chain');
    expect(approve && approve.condition.includes("'APPROVE'"), 'APPROVE does not lead to the chain');
    const reject = gateway.out.find((f) => f.condition.includes("'REJECT'"));
    expect(!reject.condition.includes("'REVISE'"), `REVISE must not end like REJECT: ${reject.condition}`);
    await expectOwnLoop(after, 'kadus', task.id);
    const rejection = after.find((e) => e.id === reject.to);
    expect(rejection.type === 'bpmn:ServiceTask' && rejection.name === 'Catat penolakan', 'no rejection task');
    expect(after.find((e) => e.id === rejection.out[0].to).type === 'bpmn:EndEvent', 'no rejection end');
    expect(after.find((e) => e.id === 'Call_Chain').x > chainX, 'the chain did not move right');
    // the SKU's own process has no withdrawal handling: the step catches RequestCancelled while it waits
    const withdrawal = after.find((e) => e.type === 'bpmn:BoundaryEvent');
    expect(withdrawal && withdrawal.host === task.id && withdrawal.message === 'RequestCancelled',
      `no withdrawal event on the step: ${JSON.stringify(withdrawal)}`);
    expect(after.find((e) => e.id === withdrawal.out[0].to).name === 'Dibatalkan', 'withdrawal does not end');
    expect(await p.locator('#langkah-pilih').inputValue() === task.id, 'the new step is not selected');
    expect(await p.locator('#langkah-terpilih').innerText() === 'Dipilih: Persetujuan Kepala Dusun (langkah persetujuan '
      + 'oleh Kepala Dusun)', `selection not described: ${await p.locator('#langkah-terpilih').innerText()}`);
    expect(await p.locator('#tenggat-sekarang').innerText() === 'Tenggat langkah ini: 3 hari kerja.'
      && await p.inputValue('#tenggat-hari') === '3', 'the step\'s own deadline is not shown');
    await lintClean(p);
    await p.screenshot({ path: path.join(out, 'sku-kadus.png') });
    await save(p, 'surat-keterangan-usaha-kadus.bpmn');

    // undo is one step: the whole fragment goes, loop and messages too (the panel's button, as Ctrl+Z on the diagram)
    expect(await p.locator('#langkah-urungkan').isEnabled(), 'nothing to undo after an insert?');
    await p.click('#langkah-urungkan');
    const undone = await facts(p);
    expect(undone.length === before.length && !undone.some((e) => /kadus/.test(e.id)),
      'undo did not take the whole step back');
    expect(!/name="(RevisionVerified|RevisionFailed|RequestCancelled)"/.test(await xmlOf(p)), 'undo left messages');
    await p.evaluate(() => window.desaflowEditor.get('commandStack').redo());
    expect((await facts(p)).length === after.length, 'redo did not bring the whole step back');

    await use(p, task.id, '#langkah-hapus');
    const removed = await facts(p);
    expect(removed.length === before.length, `remove left ${removed.length - before.length} shapes`);
    expect(!removed.some((e) => /kadus/.test(e.id)), `remove left ${removed.filter((e) => /kadus/.test(e.id))
      .map((e) => e.id)}`);
    expect(!/<bpmn:message /.test(await xmlOf(p)), 'remove left the messages only the step used');
    expect(removed.find((e) => e.id === 'Task_ChooseKadus').out[0].to === 'Call_Chain', 'not reconnected');
    expect(removed.find((e) => e.id === 'Call_Chain').x === chainX, 'the chain did not move back');
    await lintClean(p);
    await save(p, 'surat-keterangan-usaha-kadus-dihapus.bpmn');
    expect(p.errors.length === 0, `script errors: ${p.errors.join('; ')}`);
  },
  'SKU: dua langkah kepala dusun, masing-masing dengan jalur perbaikannya sendiri': async () => {
    const p = await open('surat-keterangan-usaha');
    const before = await facts(p);
    await use(p, 'Call_Chain', '#langkah-sisipkan', 'kadus');
    // before a step with its own loop: the new step goes before that step's merge, so corrections still return to it
    await use(p, 'Task_Persetujuan_kadus', '#langkah-sisipkan', 'kadus');
    const after = await facts(p);
    await expectOwnLoop(after, 'kadus', 'Task_Persetujuan_kadus');
    await expectOwnLoop(after, 'kadus_2', 'Task_Persetujuan_kadus_2');
    expect(after.find((e) => e.id === 'Task_ChooseKadus').out[0].to === 'Gateway_Ulang_kadus_2', 'order of steps');
    const approve = after.find((e) => e.id === 'Gateway_Keputusan_kadus_2').out.find((f) => f.condition
      .includes("'APPROVE'"));
    expect(approve.to === 'Gateway_Ulang_kadus', `the second step does not approve into the first: ${approve.to}`);
    const xml = await xmlOf(p);
    for (const m of ['RevisionVerified', 'RevisionFailed', 'RequestCancelled']) {
      expect(xml.split(`name="${m}"`).length === 2, `message ${m} not exactly once`);
    }
    await lintClean(p);
    await p.evaluate(() => window.desaflowEditor.get('canvas').zoom('fit-viewport')); // the loops above the row too
    await p.screenshot({ path: path.join(out, 'sku-dua-kadus.png') });
    await save(p, 'surat-keterangan-usaha-dua-kadus.bpmn');
    // removing the first step: what led to it leads to the second step's merge (its loop keeps working), then undone
    await use(p, 'Task_Persetujuan_kadus_2', '#langkah-hapus');
    const first = await facts(p);
    expect(first.find((e) => e.id === 'Task_ChooseKadus').out[0].to === 'Gateway_Ulang_kadus'
      && !first.some((e) => /_kadus_2$/.test(e.id)), 'removing the first step did not lead to the second one\'s merge');
    await expectOwnLoop(first, 'kadus', 'Task_Persetujuan_kadus');
    await lintClean(p);
    await p.click('#langkah-urungkan');
    expect((await facts(p)).length === after.length, 'undo did not bring the first step back');
    // removing the step nearer the chain: the other one now approves straight into the chain
    await use(p, 'Task_Persetujuan_kadus', '#langkah-hapus');
    const removed = await facts(p);
    expect(!removed.some((e) => /_kadus$/.test(e.id)), 'the removed step left shapes');
    expect(removed.find((e) => e.id === 'Gateway_Keputusan_kadus_2').out.some((f) => f.to === 'Call_Chain'),
      'the remaining step does not lead to the chain');
    await expectOwnLoop(removed, 'kadus_2', 'Task_Persetujuan_kadus_2');
    await lintClean(p);
    await use(p, 'Task_Persetujuan_kadus_2', '#langkah-hapus');
    expect((await facts(p)).length === before.length, 'two removes did not bring the diagram back');
    expect(!/<bpmn:message /.test(await xmlOf(p)), 'messages left behind');
    expect(p.errors.length === 0, `script errors: ${p.errors.join('; ')}`);
  },
  'rantai desa: Ketua RW sebelum Sekdes (jalur perbaikan dipakai), ditukar, dihapus': async () => {
    const p = await open('rantai-persetujuan-desa');
    const before = await facts(p);
    await use(p, 'Task_Sekdes', '#langkah-sisipkan', 'rw');
    const after = await facts(p);
    const task = after.find((e) => e.type === 'bpmn:UserTask' && e.role === 'rw');
    expect(task && task.name === 'Persetujuan Ketua RW', 'no RW step');
    const gateway = after.find((e) => e.id === task.out[0].to);
    expect(gateway.out.length === 3, `three decisions expected: ${JSON.stringify(gateway.out)}`);
    expect(!after.some((e) => e.type === 'bpmn:BoundaryEvent'), 'the chain cancels by its event sub-process already');
    expect(after.filter((e) => e.type === 'bpmn:EventBasedGateway').length === 1 && !after.some((e) => e.id
      === 'Gateway_Ulang_rw'), 'a chain step got a revision loop of its own: the chain has a shared one');
    const revise = gateway.out.find((f) => f.condition.includes("'REVISE'"));
    expect(revise.to === 'Gateway_ToRevision', `REVISE should join the chain's revision path, goes to ${revise.to}`);
    expect(after.find((e) => e.id === 'Gateway_KasiDecision').out.some((f) => f.to === task.id),
      'the kasi approval does not lead to the new step');
    await lintClean(p);
    await save(p, 'rantai-persetujuan-desa-rw.bpmn');

    // swap: the RW now approves after the sekdes (names, roles, groups, deadlines trade places)
    await use(p, task.id, '#langkah-tukar');
    const swapped = await facts(p);
    const first = swapped.find((e) => e.id === task.id);
    const second = swapped.find((e) => e.id === 'Task_Sekdes');
    expect(first.role === 'sekdes' && first.name === 'Paraf Sekretaris Desa'
      && first.groups === 'desa:${villageCode}:sekdes', `first step not the sekdes: ${JSON.stringify(first)}`);
    expect(second.role === 'rw' && second.due === "${deadlines.due('rw')}", 'second step not the RW');
    await lintClean(p);
    await save(p, 'rantai-persetujuan-desa-rw-ditukar.bpmn');

    // a deadline changed without touching the diagram's shape: the kasi (chosen by a decision table) gets 4 days,
    // then back to the setting of its role; a typo is refused and changes nothing
    await p.selectOption('#langkah-pilih', 'Task_Kasi');
    expect(await p.locator('#tenggat-sekarang').innerText()
      === 'Tenggat langkah ini mengikuti pengaturan desa untuk perannya.', 'the role\'s deadline is not said');
    await p.fill('#tenggat-hari', '4');
    expect((await use(p, 'Task_Kasi', '#tenggat-ubah')).includes('diubah'), 'deadline not changed');
    const kasiDue = (await facts(p)).find((e) => e.id === 'Task_Kasi').due;
    expect(kasiDue === '${deadlines.due(kasiRole, 4)}', `kasi's deadline: ${kasiDue}`);
    await lintClean(p);
    await p.fill('#tenggat-hari', '45');
    await p.click('#tenggat-ubah');
    expect(/tone-refused/.test(await p.locator('#langkah-status').getAttribute('class')), '45 days accepted');
    expect((await facts(p)).find((e) => e.id === 'Task_Kasi').due === kasiDue, 'a refused deadline changed the task');
    await p.fill('#tenggat-hari', '');
    await use(p, 'Task_Kasi', '#tenggat-ubah');
    expect((await facts(p)).find((e) => e.id === 'Task_Kasi').due === '${deadlines.due(kasiRole)}',
      'empty does not go back to the role\'s deadline');
    await p.fill('#tenggat-hari', '4');
    await use(p, 'Task_Kasi', '#tenggat-ubah');
    await save(p, 'rantai-persetujuan-desa-tenggat-kasi.bpmn');
    await p.selectOption('#langkah-pilih', 'Task_Kades');
    expect(await p.locator('#langkah-tukar').isDisabled(), 'the signing step offers a swap');

    // remove the (now second) RW step: the sekdes leads straight to the signature again
    await use(p, 'Task_Sekdes', '#langkah-hapus');
    const removed = await facts(p);
    // the sekdes's own step (task + gateway) goes; the RW's rejection branch stays with the first step
    expect(removed.length === before.length + 2, `${removed.length - before.length} shapes more than before`);
    expect(removed.some((e) => e.type === 'bpmn:ExclusiveGateway' && e.out.some((f) => f.to === 'Task_Kades')),
      'nothing leads to the signature');
    await lintClean(p);
    await save(p, 'rantai-persetujuan-desa-rw-dihapus.bpmn');
    expect(p.errors.length === 0, `script errors: ${p.errors.join('; ')}`);
  },
  'rantai desa: satu langkah sebelum setiap tugas dan rantai (tata letak tetap rapi)': async () => {
    // a step before every activity the chain has (cumulative): the room-making and the free-row search must keep every
    // shape apart however crowded the diagram gets; the approval service's overlap rule checks the saved file
    const p = await open('rantai-persetujuan-desa');
    const targets = (await facts(p)).filter((e) => /Task$|CallActivity$/.test(e.type));
    const roles = ['kadus', 'rt', 'rw', 'operator', 'sekdes'];
    for (const [i, target] of targets.entries()) {
      const options = await p.locator('#langkah-pilih option').evaluateAll((os) => os.map((o) => o.value));
      if (!options.includes(target.id)) continue;
      await p.selectOption('#langkah-pilih', target.id);
      // nothing leads to it (in the sub-process), or it ends another decision (Catat penolakan, Minta perbaikan)
      if (await p.locator('#langkah-sisipkan').isDisabled()) continue;
      await use(p, target.id, '#langkah-sisipkan', roles[i % roles.length]);
    }
    await lintClean(p);
    await p.screenshot({ path: path.join(out, 'rantai-semua.png'), fullPage: true });
    await save(p, 'rantai-persetujuan-desa-setiap-langkah.bpmn');
    expect(p.errors.length === 0, `script errors: ${p.errors.join('; ')}`);
  },
};

for (const [name, check] of Object.entries(checks)) {
  try {
    await check();
    console.log(`PASS ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e.stack}`);
  }
}
await browser.close();
server.close();
console.log(failed ? `${failed} FAILED` : `ALL PASSED; diagrams in ${out}`);
process.exit(failed ? 1 : 0);
