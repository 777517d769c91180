// (e) Issue 8 in the browser, as the product owner tells it: "an administrator opens the SKU workflow, inserts a kepala
// dusun approval, deploys; a new request follows the new chain while one started before finishes on the old version;
// then migrates a waiting request to the new version and it continues there."
//   1. two SKUs wait in the version in force: Sutrisno's (online; migrated later) and one the operator enters at the
//      counter for a resident without an account (finishes on the old version);
//   2. the village admin opens the SKU workflow, chooses the village chain step and presses "Sisipkan langkah
//      persetujuan sebelum ini" with Kepala Dusun (the editor's step tools build the whole step), Periksa finds nothing,
//      Terapkan deploys it for Desa Beji;
//   3. Sri's new SKU meets her kepala dusun first (new version), who asks for a correction; Sri corrects it, it comes
//      back to him and he approves;
//   4. the counter SKU goes kasi -> sekdes -> kades on the old version to its letter: the kepala dusun never sees it, the
//      old version's running count drops by one, the new one's does not move;
//   5. Sutrisno's waiting SKU is migrated (plan, run, report) and continues on the new version to its letter;
//   6. the earlier version is made active again, so the journey runs again on kept data.
import { BASE, OFFICIALS, SRI, SUTRISNO, existingRequest, expect, jpeg, phone, reloadUntil, sendReviewed, shot,
  signIn, signInAsResident } from '../lib.mjs';
import { approveAs, returnForRevisionAs } from './official.mjs';
import { revise } from './resident.mjs';

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
  const code = await sendReviewed(page, resident.nik); // an open SKU of an earlier run is withdrawn first
  await reloadUntil(page, `${BASE}/lacak/${code}`, 'Menunggu persetujuan');
  await shot(page, `${prefix}-permohonan-${code}`);
  await page.context().close();
  return code;
}

/** The kepala dusun of Dusun Beji, where Sri and Sutrisno live (verification's register; identity's demo accounts). */
const KADUS_BEJI = 'kadus-beji.beji';
/**
 * Adults of Desa Beji in verification's register without an account: the counter enters the SKU for the first of them
 * with no open SKU. A walk-in cannot withdraw a request online, so when an interrupted earlier run left one open, the
 * next resident comes to the counter instead.
 */
const WALK_INS = [
  { nik: '3309013001680005', name: 'Bambang Riyadi' }, { nik: '3309011410940007', name: 'Eko Prasetyo' },
  { nik: '3309014904710006', name: 'Suparmi' }, { nik: '3309011905850015', name: 'Joko Susilo' },
  { nik: '3309012406700019', name: 'Sarwono' },
];

/** The operator enters an SKU at the counter for a walk-in (documents seen on paper); returns the tracking code. */
async function counterSku(prefix) {
  const page = await phone();
  await signIn(page, OFFICIALS.operator, '/loket');
  for (const resident of WALK_INS) {
    await page.goto(`${BASE}/loket`);
    await page.fill('#q', resident.nik);
    await page.click('form[role="search"] button');
    await page.waitForSelector('#hasil-cari');
    await page.locator('main li.card', { hasText: resident.name }).first().locator('button').click();
    await page.waitForURL('**/loket/surat');
    await page.click(`#surat-${KEY}`);
    await page.waitForURL(`**/loket/surat/${KEY}`);
    expect(await page.inputValue('#f-applicant-nik') === resident.nik, 'the counter form is not pre-filled');
    await page.fill('#f-data-namaUsaha', `Usaha ${resident.name}`);
    await page.fill('#f-data-jenisUsaha', 'Bengkel');
    await page.fill('#f-data-alamatUsaha', 'Dukuh Beji RT 002 RW 001');
    await page.fill('#f-data-keperluan', 'Pengajuan KUR');
    for (const kind of ['ktp', 'pengantar-rt']) await page.check(`#f-${kind}-kertas`);
    await page.click('main form[enctype="multipart/form-data"] button[type="submit"]');
    await page.waitForLoadState();
    if (page.url().includes('/loket/tanda-terima/')) {
      const code = (await page.locator('#kode-lacak').innerText()).trim();
      expect(/^SKU-[A-Z0-9]+$/.test(code), `unexpected tracking code ${code}`);
      await shot(page, `${prefix}-loket-sku-tanda-terima`);
      await reloadUntil(page, `${BASE}/lacak/${code}`, 'Menunggu persetujuan');
      await shot(page, `${prefix}-loket-sku-${code}`);
      await page.context().close();
      return code;
    }
    expect(await existingRequest(page), `the counter SKU was refused: ${await page.locator('main').innerText()}`);
    console.log(`  ${resident.name} still has an open SKU from an earlier run: the next walk-in comes to the counter`);
  }
  throw new Error('every walk-in of WALK_INS has an open SKU from earlier runs');
}

/** The official's group task list as text, once it shows every code of `waitFor` (work travels through Kafka). */
async function taskList(username, waitFor = [], shotName) {
  const page = await phone();
  await signIn(page, username, '/petugas');
  const list = `${BASE}/petugas/tugas?lingkup=grup`;
  await page.goto(list);
  for (const code of waitFor) await reloadUntil(page, list, code);
  if (shotName) await shot(page, shotName);
  const text = await page.locator('main').innerText();
  await page.context().close();
  return text;
}

/** "N permohonan berjalan pada versi ini" of a version, from the editor page's list of versions. */
async function runningOn(admin, version) {
  await admin.goto(`${BASE}/admin/alur/${KEY}`);
  const line = await admin.locator(`#versi-${version}`).innerText();
  const count = /(\d+) permohonan berjalan/.exec(line);
  expect(count, `no running count for version ${version}: ${line}`);
  return Number(count[1]);
}

/** The village admin on a wide screen, in the SKU workflow's editor (the version in force for Desa Beji). */
async function adminInEditor() {
  const admin = await phone();
  await admin.setViewportSize({ width: 1280, height: 900 });
  await signIn(admin, 'admin.beji', `/admin/alur/${KEY}`);
  await admin.waitForSelector('#alur-editor[data-ready="true"]', { timeout: 30_000 });
  admin.on('dialog', (dialog) => dialog.accept()); // Terapkan asks "Terapkan alur ini ...?"
  return admin;
}

/** Periksa: the approval service's rules find nothing. */
async function checkFindsNothing(admin) {
  await admin.click('#alur-periksa');
  await admin.waitForFunction(() => {
    const s = document.getElementById('alur-status');
    return !s.hidden && !s.textContent.endsWith('...');
  });
  const checked = await admin.locator('#alur-status').innerText();
  expect(checked.includes('Tidak ada masalah'), `the changed workflow has problems: ${checked} `
    + `${await admin.locator('#alur-masalah').innerText()}`);
}

/** Terapkan for Desa Beji; returns the new version's number. */
async function deploy(admin) {
  await admin.click('#alur-terapkan');
  await admin.waitForFunction(() => /Versi \d+ diterapkan|tidak diterapkan|tidak dapat dihubungi/.test(
    document.getElementById('alur-status').textContent));
  const text = await admin.locator('#alur-status').innerText();
  const deployed = /Versi (\d+) diterapkan/.exec(text);
  expect(deployed, `not deployed: ${text}`);
  return Number(deployed[1]);
}

/**
 * On kept data an interrupted earlier run may have left a version with the kepala dusun step in force (the rollback at
 * the end did not happen): the admin removes the step with "Hapus langkah ini" and deploys, so the requests below start
 * on a chain without it.
 */
async function withoutLeftoverKadusStep() {
  const admin = await adminInEditor();
  // this journey's step, or the one the journey's first version inserted as XML
  const leftover = admin.locator('#langkah-pilih option', { hasText: /^(Persetujuan|Cek lapangan) Kepala Dusun$/ });
  if (await leftover.count()) {
    for (let tries = 0; await leftover.count(); tries++) {
      expect(tries < 3, `the kepala dusun step cannot be removed: ${await admin.locator('#langkah-status').innerText()}`);
      await admin.selectOption('#langkah-pilih', { label: (await leftover.first().textContent()).trim() });
      await admin.click('#langkah-hapus');
    }
    await checkFindsNothing(admin);
    console.log(`  an earlier run left the kepala dusun step in force: removed, version ${await deploy(admin)} deployed`);
    await shot(admin, '89-alur-sisa-langkah-kadus-dihapus');
  }
  await admin.context().close();
}

export async function adminRedesignsTheSkuChain() {
  await withoutLeftoverKadusStep();
  // 1. two requests wait in the version in force: one online, one entered at the counter
  const waiting = await applySku(SUTRISNO, '90');
  const walkIn = await counterSku('90b');
  // both wait at the kasi: their approval runs on the version in force before anything changes
  await taskList(OFFICIALS.kasi, [waiting, walkIn], '90c-kasi-dua-permohonan-menunggu');

  // 2. the admin inserts a kepala dusun approval before the village chain with the editor's step tools
  const admin = await adminInEditor();
  // the editor opened the version in force for the village: the one to migrate from and to roll back to
  const opened = await admin.evaluate(() => document.getElementById('alur-editor').dataset.xml);
  const previous = Number(/\/versi\/(\d+)\/bpmn/.exec(opened)[1]);
  await admin.selectOption('#langkah-pilih', { label: 'Rantai persetujuan desa' });
  expect((await admin.locator('#langkah-terpilih').innerText()).includes('Rantai persetujuan desa'),
    'the village chain step is not selected');
  await admin.selectOption('#langkah-peran', 'kadus');
  expect(await admin.inputValue('#langkah-nama') === 'Persetujuan Kepala Dusun', 'the step name is not prefilled');
  await admin.fill('#langkah-hari', '3'); // the kepala dusun gets 3 working days of his own
  await admin.click('#langkah-sisipkan');
  const inserted = await admin.locator('#langkah-status').innerText();
  expect(inserted.includes('disisipkan'), `the step was not inserted: ${inserted}`);
  expect((await admin.locator('#tenggat-sekarang').innerText()).includes('3 hari kerja'),
    'the new step does not have its own deadline');
  expect(await admin.locator('#langkah-pilih option', { hasText: 'Persetujuan Kepala Dusun' }).count() === 1,
    'the kepala dusun step is not on the diagram');
  await checkFindsNothing(admin);
  await shot(admin, '91-alur-sku-dengan-kadus');
  const version = await deploy(admin);
  await shot(admin, '92-alur-sku-diterapkan');
  const oldRunning = await runningOn(admin, previous);
  const newRunning = await runningOn(admin, version);
  expect(oldRunning >= 2, `the two waiting requests are not on version ${previous} (${oldRunning} running)`);

  // 3. a new request follows the new version: her kepala dusun approves first
  const fresh = await applySku(SRI, '93');
  const kadusTasks = await taskList(KADUS_BEJI, [fresh], '93b-kadus-tugas-langkah-baru');
  expect(kadusTasks.includes('Persetujuan Kepala Dusun'), 'the kepala dusun\'s task is not the inserted step');
  expect(!(await taskList(OFFICIALS.kasi)).includes(fresh), `the kasi got ${fresh} before the kepala dusun`);
  // the inserted step has its own correction loop: the kepala dusun asks for one, Sri corrects the request, and once
  // it is verified again it comes back to him (not to the kasi, and not ended as with a rejection)
  const note = 'Mohon lengkapi alamat usaha dengan nomor rumah.';
  await returnForRevisionAs(KADUS_BEJI, fresh, '93c', note);
  const sri = await phone();
  const asked = await revise(sri, fresh, SRI, ['93d-kadus-minta-perbaikan', '93e-konfirmasi-nik',
    '93f-formulir-perbaikan', '93g-kembali-menunggu-persetujuan']);
  await sri.context().close();
  expect(asked.includes(note), 'the resident does not see the kepala dusun\'s note');
  expect((await taskList(KADUS_BEJI, [fresh], '93h-kadus-tugas-setelah-perbaikan')).includes(fresh),
    'the corrected request did not come back to the kepala dusun');
  expect(!(await taskList(OFFICIALS.kasi)).includes(fresh), `the kasi got ${fresh} before the kepala dusun approved`);
  await approveAs(KADUS_BEJI, fresh, '94');
  expect(await runningOn(admin, version) === newRunning + 1, `Sri's request is not on version ${version}`);

  // 4. the counter request started before the deploy finishes on the old version: no kepala dusun step for it
  expect(!(await taskList(KADUS_BEJI)).includes(walkIn), `the kepala dusun got ${walkIn}, started before the deploy`);
  const code = await approveAs(OFFICIALS.kasi, walkIn, '94a');
  await approveAs(OFFICIALS.sekdes, code, '94b');
  await approveAs(OFFICIALS.kades, code, '94c');
  const walkInPage = await phone();
  await reloadUntil(walkInPage, `${BASE}/lacak/${walkIn}`, 'Selesai');
  await shot(walkInPage, '94d-loket-sku-selesai-versi-lama');
  await walkInPage.context().close();
  expect(!(await taskList(KADUS_BEJI)).includes(walkIn), `the kepala dusun got ${walkIn}`);
  expect(await runningOn(admin, previous) === oldRunning - 1, `the counter request did not finish on version ${previous}`);
  expect(await runningOn(admin, version) === newRunning + 1, `version ${version} changed with the old request`);
  await shot(admin, '94e-alur-versi-berjalan');

  // 5. the waiting request is moved to the new version ...
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
  expect(/Sudah dipindahkan\s+[1-9]/.test(report) && /Gagal\s+0/.test(report),
    `the waiting request was not moved: ${report}`);
  expect(await runningOn(admin, version) >= newRunning + 2, `Sutrisno's request is not on version ${version} now`);

  // 6. rollback: the village goes back to the version it had; new requests start there again
  await admin.goto(`${BASE}/admin/alur/${KEY}`);
  await admin.click(`#versi-${previous} button[value="desa"]`);
  await admin.waitForURL(/hasil=aktif/);
  await shot(admin, '96a-alur-versi-lama-aktif');
  await admin.context().close();

  // ... and the migrated request continues on the new version to the signed letter
  const moved = await approveAs(OFFICIALS.kasi, waiting, '97');
  await approveAs(OFFICIALS.sekdes, moved, '98');
  await approveAs(OFFICIALS.kades, moved, '99');
  const check = await phone();
  await reloadUntil(check, `${BASE}/lacak/${waiting}`, 'Selesai');
  await check.context().close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { run } = await import('../lib.mjs');
  process.exit(await run({ 'admin desa mengubah alur SKU': adminRedesignsTheSkuChain }) ? 1 : 0);
}
