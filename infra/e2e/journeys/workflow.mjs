// (e) Issue 8 in the browser: a resident's SKU waits in the chain (version in force); the village admin opens the SKU
// workflow in the editor, inserts a kepala dusun check, checks and deploys it for Desa Beji; a new SKU then meets the
// kepala dusun first (new version); the request that waited is migrated to the new version and its approval
// continues there to the signed letter; then the admin makes the earlier version active again. The edit is made with the modeler's own API (importXML of the changed
// diagram), the checks and the deploy through the page's buttons.
import { BASE, OFFICIALS, SRI, SUTRISNO, expect, jpeg, phone, reloadUntil, sendReviewed, shot,
  signIn, signInAsResident } from '../lib.mjs';
import { approveAs } from './official.mjs';

const KEY = 'surat-keterangan-usaha';

/** The resident signs in and applies for an SKU with the two documents; returns the tracking code. */
async function applySku(resident, prefix) {
  const page = await phone();
  await page.goto(`${BASE}/surat/${KEY}/ajukan`);
  await signInAsResident(page, resident.nik);
  await page.waitForURL(/\/surat\/surat-keterangan-usaha\/ajukan/);
  await page.fill('#f-applicant-nik', resident.nik);
  await page.fill('#f-applicant-name', resident.name);
  await page.fill('#f-applicant-phone', resident.phone ?? '081300001111');
  await page.fill('#f-data-namaUsaha', `Usaha ${resident.name}`);
  await page.fill('#f-data-jenisUsaha', 'Kuliner');
  await page.fill('#f-data-alamatUsaha', 'RT 001 RW 001 Dusun Beji');
  await page.fill('#f-data-keperluan', 'Pengajuan KUR');
  await page.setInputFiles('#f-ktp', jpeg('ktp.jpg'));
  await page.setInputFiles('#f-pengantar-rt', jpeg('pengantar.jpg'));
  await page.click('main form[enctype="multipart/form-data"] button[type="submit"]');
  await page.waitForURL(/\/periksa\?kunci=/);
  const code = await sendReviewed(page, resident.nik); // an open SKU from an earlier run is withdrawn first
  await reloadUntil(page, `${BASE}/lacak/${code}`, 'Menunggu persetujuan');
  await shot(page, `${prefix}-permohonan-${code}`);
  await page.context().close();
  return code;
}

/** The shipped SKU diagram with a kepala dusun check before the village chain (decisions routed, drawn). */
function withKadusCheck(sku) {
  const task = `<bpmn:userTask id="Task_CekKadus" name="Cek lapangan Kepala Dusun" camunda:candidateGroups="desa:\${villageCode}:kadus" camunda:dueDate="\${deadlines.due('kadus')}">
      <bpmn:extensionElements>
        <camunda:properties><camunda:property name="role" value="kadus" /></camunda:properties>
        <camunda:taskListener delegateExpression="\${approvalTaskEvents}" event="create" />
        <camunda:taskListener delegateExpression="\${approvalTaskEvents}" event="complete" />
      </bpmn:extensionElements>
      <bpmn:incoming>Flow_ToChain</bpmn:incoming>
      <bpmn:outgoing>Flow_CekKadusDone</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="Flow_CekKadusDone" sourceRef="Task_CekKadus" targetRef="Gateway_CekKadus" />
    <bpmn:exclusiveGateway id="Gateway_CekKadus" name="Hasil cek lapangan?" default="Flow_CekKadusOk">
      <bpmn:incoming>Flow_CekKadusDone</bpmn:incoming>
      <bpmn:outgoing>Flow_CekKadusOk</bpmn:outgoing>
      <bpmn:outgoing>Flow_CekKadusTolak</bpmn:outgoing>
    </bpmn:exclusiveGateway>
    <bpmn:sequenceFlow id="Flow_CekKadusOk" name="Setuju" sourceRef="Gateway_CekKadus" targetRef="Call_Chain" />
    <bpmn:sequenceFlow id="Flow_CekKadusTolak" name="Tolak" sourceRef="Gateway_CekKadus" targetRef="Task_TolakKadus">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${execution.getVariable('decision') == 'REJECT'}</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:serviceTask id="Task_TolakKadus" name="Catat penolakan" camunda:delegateExpression="\${recordRejection}">
      <bpmn:incoming>Flow_CekKadusTolak</bpmn:incoming>
      <bpmn:outgoing>Flow_TolakKadusEnd</bpmn:outgoing>
    </bpmn:serviceTask>
    <bpmn:sequenceFlow id="Flow_TolakKadusEnd" sourceRef="Task_TolakKadus" targetRef="EndEvent_TolakKadus" />
    <bpmn:endEvent id="EndEvent_TolakKadus" name="Ditolak Kepala Dusun">
      <bpmn:incoming>Flow_TolakKadusEnd</bpmn:incoming>
    </bpmn:endEvent>
    <bpmn:callActivity id="Call_Chain"`;
  const shapes = `<bpmndi:BPMNShape id="Task_CekKadus_di" bpmnElement="Task_CekKadus"><dc:Bounds x="540" y="220" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Gateway_CekKadus_di" bpmnElement="Gateway_CekKadus" isMarkerVisible="true"><dc:Bounds x="715" y="235" width="50" height="50" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Task_TolakKadus_di" bpmnElement="Task_TolakKadus"><dc:Bounds x="820" y="220" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="EndEvent_TolakKadus_di" bpmnElement="EndEvent_TolakKadus"><dc:Bounds x="962" y="242" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow_CekKadusDone_di" bpmnElement="Flow_CekKadusDone"><di:waypoint x="640" y="260" /><di:waypoint x="715" y="260" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_CekKadusOk_di" bpmnElement="Flow_CekKadusOk"><di:waypoint x="740" y="235" /><di:waypoint x="740" y="160" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_CekKadusTolak_di" bpmnElement="Flow_CekKadusTolak"><di:waypoint x="765" y="260" /><di:waypoint x="820" y="260" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_TolakKadusEnd_di" bpmnElement="Flow_TolakKadusEnd"><di:waypoint x="920" y="260" /><di:waypoint x="962" y="260" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_ToChain_di"`;
  let xml = sku.includes('xmlns:xsi=') ? sku : sku.replace('xmlns:camunda="http://camunda.org/schema/1.0/bpmn"',
    'xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"');
  xml = xml.replace('<bpmn:callActivity id="Call_Chain"', task)
    .replace(/<bpmn:incoming>Flow_ToChain<\/bpmn:incoming>(\s*)<bpmn:outgoing>Flow_ToEnd/,
      '<bpmn:incoming>Flow_CekKadusOk</bpmn:incoming>$1<bpmn:outgoing>Flow_ToEnd')
    .replace('id="Flow_ToChain" sourceRef="Task_ChooseKadus" targetRef="Call_Chain"',
      'id="Flow_ToChain" sourceRef="Task_ChooseKadus" targetRef="Task_CekKadus"')
    .replace('<bpmndi:BPMNEdge id="Flow_ToChain_di"', shapes);
  expect(xml.includes('targetRef="Task_CekKadus"') && xml.includes('<bpmn:incoming>Flow_CekKadusOk'),
    'the SKU diagram is not shaped as expected');
  return xml;
}

export async function adminRedesignsTheSkuChain() {
  // 1. a request waiting in the version in force
  const waiting = await applySku(SUTRISNO, '90');

  // 2. the admin edits the SKU workflow in the browser, checks and deploys it for the village
  const admin = await (async () => {
    const p = await phone();
    await p.setViewportSize({ width: 1280, height: 900 });
    return p;
  })();
  await signIn(admin, 'admin.beji', `/admin/alur/${KEY}`);
  await admin.waitForFunction(() => document.getElementById('alur-editor')?.dataset.ready === 'true',
    null, { timeout: 30_000 }).catch(() => {});
  // the editor opened the version in force for the village: the one to migrate from and to roll back to
  const opened = await admin.evaluate(() => document.getElementById('alur-editor').dataset.xml);
  const previous = Number(/\/versi\/(\d+)\/bpmn/.exec(opened)[1]);
  const original = await admin.evaluate(async (url) => (await fetch(url)).text(), opened);
  await admin.evaluate((xml) => window.desaflowEditor.importXML(xml), withKadusCheck(original));
  expect(await admin.evaluate(() => !!window.desaflowEditor.get('elementRegistry').get('Task_CekKadus')),
    'the kepala dusun step is not on the diagram');
  await admin.click('#alur-periksa');
  await admin.waitForFunction(() => {
    const s = document.getElementById('alur-status');
    return !s.hidden && !s.textContent.endsWith('...');
  });
  const checked = await admin.locator('#alur-status').innerText();
  expect(checked.includes('Tidak ada masalah'), `the changed workflow has problems: ${checked} `
    + `${await admin.locator('#alur-masalah').innerText()}`);
  await shot(admin, '91-alur-sku-dengan-kadus');
  admin.on('dialog', (dialog) => dialog.accept());
  await admin.click('#alur-terapkan');
  await admin.waitForFunction(() => /Versi \d+ diterapkan|tidak diterapkan/.test(
    document.getElementById('alur-status').textContent));
  const deployed = /Versi (\d+) diterapkan/.exec(await admin.locator('#alur-status').innerText());
  expect(deployed, `not deployed: ${await admin.locator('#alur-status').innerText()}`);
  const version = Number(deployed[1]);
  await shot(admin, '92-alur-sku-diterapkan');

  // 3. a new request follows the new version: the kepala dusun checks first
  const fresh = await applySku(SRI, '93');
  await approveAs('kadus-beji.beji', fresh, '94');

  // 4. the waiting request is moved to the new version ...
  await admin.goto(`${BASE}/admin/alur/${KEY}/pindah?dari=${previous}&ke=${version}&cakupan=desa`);
  await admin.waitForSelector('#jumlah-permohonan');
  expect(Number(await admin.locator('#jumlah-permohonan').innerText().then((t) => /\d+/.exec(t)?.[0] ?? 0)) >= 1,
    'the dry run finds no waiting request');
  await shot(admin, '95-alur-rencana-pindah');
  await admin.click('#rencana form button:not([formmethod])');
  await admin.waitForURL(/\/pindah\/[^/?]+$/);
  await admin.waitForFunction(() => document.getElementById('status-pindah')?.dataset.status === 'DONE',
    null, { timeout: 60_000 });
  const report = await admin.locator('main').innerText();
  await shot(admin, '96-alur-laporan-pindah');

  // 5. rollback: the village goes back to the version it had; new requests start there again
  await admin.goto(`${BASE}/admin/alur/${KEY}`);
  await admin.click(`#versi-${previous} button[value="desa"]`);
  await admin.waitForURL(/hasil=aktif/);
  await shot(admin, '96a-alur-versi-lama-aktif');
  await admin.context().close();
  expect(/Sudah dipindahkan\s+[1-9]/.test(report) && /Gagal\s+0/.test(report),
    `the waiting request was not moved: ${report}`);

  // ... and continues there to the signed letter
  const code = await approveAs(OFFICIALS.kasi, waiting, '97');
  await approveAs(OFFICIALS.sekdes, code, '98');
  await approveAs(OFFICIALS.kades, code, '99');
  const check = await phone();
  await reloadUntil(check, `${BASE}/lacak/${waiting}`, 'Selesai');
  await check.context().close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { run } = await import('../lib.mjs');
  process.exit(await run({ 'admin desa mengubah alur SKU': adminRedesignsTheSkuChain }) ? 1 : 0);
}
