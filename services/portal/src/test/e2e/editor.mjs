// Browser check of the approval-chain editor (issue 8), in the style of infra/e2e (same lib, Debian chromium):
//   the administrator sees the chains at phone width, opens the editor on a wide screen (bpmn-js draws the chain,
//   the Camunda properties panel shows a user task, bpmnlint's overlay is there), inserts and removes an approval step
//   with the step tools (the service's Periksa accepts it on a real stack), presses Periksa and Terapkan and
//   sees the service's problems marked on the diagram, makes a version active, plans and runs a migration and
//   watches the report refresh itself.
//
// Two ways to run it (from infra/e2e, which has playwright-core installed: `cd infra/e2e && npm ci`):
//   1. against a running stack (read-only unless E2E_CHANGE=1, which deploys and makes versions active for Desa Beji):
//        cd infra/e2e && BASE_URL=http://localhost:8080 node ../../services/portal/src/test/e2e/editor.mjs
//   2. self-contained, with the fake approval API this file starts (the shapes the portal codes against):
//        cd infra/e2e && FAKE_APPROVAL_PORT=18093 BASE_URL=http://localhost:18080 \
//          node ../../services/portal/src/test/e2e/editor.mjs &
//        java -jar services/portal/target/desaflow-portal.jar --server.port=18080 \
//          --desaflow.services.approval=http://127.0.0.1:18093
//      (the script waits up to 60 s for the portal to answer).
// Env: BASE_URL, CHROMIUM, FAKE_APPROVAL_PORT, E2E_CHANGE, WORKFLOW (default rantai-persetujuan-desa), ADMIN (the
// administrator: default admin.beji signing in at identity on a real stack, demo-beji-admin picked in open mode).
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BASE, expect, phone, run, shot, signIn } from '../../../../../infra/e2e/lib.mjs';

const FAKE = process.env.FAKE_APPROVAL_PORT;
const CHANGE = FAKE || process.env.E2E_CHANGE === '1'; // the fake may be changed freely, a real stack only if asked
const KEY = process.env.WORKFLOW ?? 'rantai-persetujuan-desa';
// the village administrator: a "Masuk sebagai" choice in open mode (the fake), an identity account on a real stack
const ADMIN = process.env.ADMIN ?? (FAKE ? 'demo-beji-admin' : 'admin.beji');

if (FAKE) {
  await fakeApproval(Number(FAKE));
  await portalAnswers();
}

const state = {};

const failed = await run({
  'admin desa melihat daftar alur di ponsel (chains list, phone width)': async () => {
    const page = await phone();
    if (FAKE) {
      await page.goto(`${BASE}/masuk?lanjut=${encodeURIComponent('/admin/alur')}`);
      await page.check(`#p-${ADMIN}`);
      await page.click('main form button[type="submit"]');
      await page.waitForURL((url) => url.pathname === '/admin/alur');
    } else {
      await signIn(page, ADMIN, '/admin/alur');
    }
    expect((await page.locator('h1').innerText()) === 'Alur persetujuan', 'no chains page');
    const card = page.locator(`#alur-${KEY}`);
    expect(await card.count() === 1, `no card for ${KEY}`);
    expect((await card.locator('.aktif-desa').innerText()).startsWith('Versi'), 'no active version shown');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow <= 0, `list page scrolls sideways on a phone (${overflow}px)`);
    await shot(page, '80-alur-daftar');
    state.page = page;
  },
  'penyunting: di ponsel ada saran layar lebar; di layar lebar diagram, panel, lint (editor loads)': async () => {
    const page = state.page;
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${BASE}/admin/alur/${KEY}`);
    expect(await page.locator('.alur-layar-kecil').isVisible(), 'no wide-screen note on a phone');
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.reload();
    expect(!(await page.locator('.alur-layar-kecil').isVisible()), 'wide-screen note shown on a wide screen');
    await page.waitForSelector('#alur-editor[data-ready="true"]');
    const tasks = await page.evaluate(() => window.desaflowEditor.get('elementRegistry')
      .filter((e) => e.type === 'bpmn:UserTask').map((e) => e.id));
    expect(tasks.length > 0, 'no user task drawn');
    state.task = tasks[0];
    // selected as a click would (the palette may cover the task after fit-viewport on some screen sizes)
    await page.evaluate((id) => {
      const editor = window.desaflowEditor;
      editor.get('selection').select(editor.get('elementRegistry').get(id));
    }, state.task);
    await page.waitForSelector('.bio-properties-panel-header');
    const panel = await page.locator('#alur-properti').innerText();
    expect(/User assignment|Candidate groups/i.test(panel), 'no Camunda 7 user assignment group in the panel');
    expect(await page.locator('.bjsl-button').count() === 1, 'no bpmnlint overlay toggle');
    const fonts = await page.evaluate(async () => { await document.fonts.ready; return document.fonts.check('12px bpmn'); });
    expect(fonts, 'bpmn-font not loaded from the bundle');
    expect(errors.length === 0, `script errors: ${errors.join('; ')}`);
    await shot(page, '81-alur-penyunting');
  },
  'Periksa: masalah dari layanan tampil dan ditandai pada diagram (check)': async () => {
    const page = state.page;
    await page.click('#alur-periksa');
    await page.waitForFunction(() => {
      const s = document.getElementById('alur-status');
      return !s.hidden && !s.textContent.endsWith('...');
    });
    const status = await page.locator('#alur-status').innerText();
    if (FAKE) {
      expect(status.includes('1 masalah'), `unexpected status: ${status}`);
      expect(await page.locator(`.djs-element.alur-bermasalah[data-element-id="${state.task}"]`).count() === 1,
        'the problem element is not marked');
      expect((await page.locator('#alur-masalah li').innerText()).includes('Kelompok petugas'), 'problem not listed');
      await page.click('#alur-masalah li button');
      const selected = await page.evaluate(() => window.desaflowEditor.get('selection').get().map((e) => e.id));
      expect(selected.includes(state.task), 'clicking a problem does not select its element');
    } else {
      expect(status.length > 0 && !status.includes('tidak dapat dihubungi'), `check failed: ${status}`);
    }
    await shot(page, '82-alur-periksa');
  },
  'Langkah persetujuan: sisipkan, periksa, hapus lewat panel (approval-step tools)': async () => {
    // a page of its own (same session), closed without its "unsaved changes" prompt: the steps below stay unchanged
    const page = await state.page.context().newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${BASE}/admin/alur/${KEY}`);
    await page.waitForSelector('#alur-editor[data-ready="true"]');
    const steps = () => page.locator('#langkah-pilih option').count();
    const before = await steps();
    expect(await page.locator('#langkah-sisipkan').isDisabled(), 'insert offered with nothing selected');
    // keyboard users pick the step from the list: the same as a click on the diagram
    await page.selectOption('#langkah-pilih', state.task);
    const selected = await page.evaluate(() => window.desaflowEditor.get('selection').get().map((e) => e.id));
    expect(selected.includes(state.task), 'choosing from the list does not select the step');
    await page.selectOption('#langkah-peran', 'rw');
    expect(await page.inputValue('#langkah-nama') === 'Persetujuan Ketua RW', 'step name not prefilled from the role');
    await page.click('#langkah-sisipkan');
    expect((await page.locator('#langkah-status').innerText()).includes('disisipkan'), 'not inserted');
    expect(await steps() === before + 2, 'the step and its rejection task are not both in the list');
    const task = await page.inputValue('#langkah-pilih');
    const step = await page.evaluate((id) => {
      const bo = window.desaflowEditor.get('elementRegistry').get(id).businessObject;
      return { groups: bo.get('camunda:candidateGroups'), due: bo.get('camunda:dueDate') };
    }, task);
    expect(step.groups === 'desa:${villageCode}:rw' && step.due === "${deadlines.due('rw')}",
      `not a DesaFlow step: ${JSON.stringify(step)}`);
    if (!FAKE) { // the approval service's own rules accept what the tool made
      await page.click('#alur-periksa');
      await page.waitForFunction(() => {
        const s = document.getElementById('alur-status');
        return !s.hidden && !s.textContent.endsWith('...');
      });
      const status = await page.locator('#alur-status').innerText();
      expect(status.includes('Tidak ada masalah'), `the inserted step has problems: ${status} `
        + await page.locator('#alur-masalah').innerText());
    }
    await shot(page, '82a-alur-langkah-disisipkan');
    await page.click('#langkah-hapus');
    expect((await page.locator('#langkah-status').innerText()).includes('dihapus'), 'not removed');
    expect(await steps() === before, 'remove left shapes behind');
    await page.close();
  },
  'Terapkan: 422 ditandai, lalu versi baru (deploy)': async () => {
    if (!CHANGE) return console.log('  (skipped: E2E_CHANGE=1 to deploy on a real stack)');
    const page = state.page;
    page.on('dialog', (dialog) => dialog.accept());
    const deployed = async () => {
      await page.click('#alur-terapkan');
      await page.waitForFunction(() => {
        const s = document.getElementById('alur-status');
        return !s.hidden && !s.textContent.endsWith('...');
      });
      return page.locator('#alur-status').innerText();
    };
    let status = await deployed();
    if (FAKE) {
      expect(status.includes('tidak diterapkan'), `first deploy not refused: ${status}`);
      expect(await page.locator('.djs-element.alur-bermasalah').count() === 1, '422 problem not marked');
      status = await deployed();
    }
    expect(/Versi \d+ diterapkan/.test(status), `not deployed: ${status}`);
    expect(await page.locator('.djs-element.alur-bermasalah').count() === 0, 'old marks left after deploying');
    await shot(page, '83-alur-terapkan');
  },
  'Jadikan versi aktif dan rencana pemindahan (rollback, migration plan)': async () => {
    const page = state.page;
    await page.goto(`${BASE}/admin/alur/${KEY}`);
    if (CHANGE && await page.locator('#versi-1 button[value="desa"]').count()) {
      await page.click('#versi-1 button[value="desa"]');
      await page.waitForURL(/hasil=aktif/);
    }
    await page.goto(`${BASE}/admin/alur/${KEY}/pindah`);
    await page.click('main form.inline button[type="submit"]');
    const plan = page.locator('#jumlah-permohonan, [role="alert"]');
    await plan.first().waitFor();
    await shot(page, '84-alur-rencana');
    if (!FAKE) return;
    await page.selectOption('#peta-0', { index: 1 });
    await page.click('#rencana button[formmethod="get"]');
    await page.waitForSelector('#jumlah-permohonan');
    await page.click('#rencana form button:not([formmethod])');
    await page.waitForURL(/\/pindah\/mig-/);
    expect((await page.locator('#status-pindah').getAttribute('data-status')) === 'RUNNING', 'report not running first');
    // the report reloads itself (Refresh header): no click
    await page.waitForFunction(() => document.getElementById('status-pindah')?.dataset.status === 'DONE',
      null, { timeout: 15_000 });
    await shot(page, '85-alur-laporan');
  },
});
process.exit(failed === 0 ? 0 : 1);

/** Waits for the portal (started next to this script) to answer. */
async function portalAnswers() {
  for (let i = 0; i < 60; i++) {
    try {
      if ((await fetch(`${BASE}/actuator/health/readiness`)).ok) return;
    } catch (notYet) { /* starting */ }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`portal at ${BASE} did not answer`);
}

/** The approval service's workflow API as the portal codes against it, with the repository's real chain file. */
function fakeApproval(port) {
  const xml = readFileSync(fileURLToPath(new URL(`../../../../../workflows/${KEY}.bpmn`, import.meta.url)), 'utf8');
  const firstTask = /<bpmn:userTask id="([^"]+)"/.exec(xml)[1];
  const versions = [1, 2].map((v) => ({ version: v, definitionId: `${KEY}:${v}:x`, deployedAt: '2026-11-20T02:00:00Z',
    deployedBy: 'system', village: null, running: 3 - v }));
  let deployments = 0;
  let reports = 0;
  const json = (res, status, body) => {
    res.writeHead(status, { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' });
    res.end(JSON.stringify(body));
  };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const url = new URL(req.url, 'http://fake');
      const p = url.pathname;
      if (req.method === 'GET' && p === '/api/v1/workflows') {
        return json(res, 200, [{ key: KEY, name: 'Rantai persetujuan surat desa', versions,
          current: { all: 1, villages: { 3309012004: 2 } } }]);
      }
      if (req.method === 'GET' && /\/versions\/\d+\/bpmn$/.test(p)) {
        res.writeHead(200, { 'Content-Type': 'application/xml' });
        return res.end(xml);
      }
      if (req.method === 'POST' && p.endsWith('/validation')) {
        return json(res, 200, { problems: [{ elementId: firstTask, rule: 'candidate-group',
          message: 'Kelompok petugas harus berbentuk desa:<kode>:<peran>' }] });
      }
      if (req.method === 'POST' && p.endsWith('/deployments')) {
        return ++deployments === 1
          ? json(res, 422, { title: 'Alur ditolak', status: 422, problems: [{ elementId: firstTask, rule: 'x',
            message: 'Contoh penolakan' }] })
          : json(res, 201, { key: KEY, version: 3, definitionId: `${KEY}:3:y` });
      }
      if (req.method === 'PUT' && p.endsWith('/current')) {
        const { version } = JSON.parse(body);
        return json(res, 200, { key: KEY, version, definitionId: `${KEY}:${version}:x` });
      }
      if (req.method === 'POST' && p.endsWith('/migrations')) {
        const plan = JSON.parse(body);
        return plan.dryRun
          ? json(res, 200, { instances: 2, plannedMappings: [{ from: firstTask, to: firstTask }],
            unmapped: plan.mappings.length ? [] : ['Task_Lama'], failures: [] })
          : json(res, 202, { migrationId: 'mig-1' });
      }
      if (req.method === 'GET' && p === '/api/v1/workflows/migrations/mig-1') {
        return json(res, 200, ++reports < 2 ? { migrationId: 'mig-1', key: KEY, status: 'RUNNING', instances: 2, migrated: 1, failed: [] }
          : { migrationId: 'mig-1', key: KEY, status: 'DONE', instances: 2, migrated: 2, failed: [] });
      }
      json(res, 404, { title: 'not found', status: 404 });
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', resolve)).then(() => server.unref());
}
