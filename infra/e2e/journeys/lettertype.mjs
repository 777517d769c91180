// (f) Issue 8, letter types: the village admin changes the Surat Keterangan Penghasilan for Desa Beji (a letter type no
// other journey uses, open to residents online): adds a required field "Nama tempat bekerja", moves it up, gives it an
// English label, changes the classification code and puts the new field into the letter's statement. The English form
// shows the English label; Sri then meets the new field in the form and cannot go on without it; the officials approve;
// the letter's number starts with the new classification code and the letter's text carries the field's value (approval
// reads the village's version from the LetterTypeChanged event). At the end the admin goes back to the shipped
// definition, so the journey runs again on kept data.
import { BASE, SRI, expect, jpeg, phone, reloadUntil, sendReviewed, shot, signIn, signInAsResident }
  from '../lib.mjs';
import { officialsApprove } from './official.mjs';

const TYPE = 'surat-keterangan-penghasilan';
const EDIT = `/admin/jenis-surat/${TYPE}`;
const FIELD = { name: 'tempatBekerja', label: 'Nama tempat bekerja', labelEn: 'Name of workplace',
  value: 'Kelompok Tani Sido Makmur' };
const CLASSIFICATION = '500.9';
const SHIPPED_CLASSIFICATION = '500';

/** The admin's edit page, back to the shipped definition first if an earlier run stopped half-way. */
async function openAsAdmin() {
  const admin = await phone();
  await signIn(admin, 'admin.beji', '/admin/jenis-surat');
  const card = admin.locator(`#jenis-${TYPE}`);
  if ((await card.locator('.dilayani').innerText()).trim() !== 'Ya') { // switched off by hand: offer it again
    await card.locator('form button').click();
    await admin.waitForURL(/hasil=aktif/);
  }
  await shot(admin, '40-jenis-surat');
  await admin.goto(`${BASE}${EDIT}`);
  if (await admin.locator(`input[type="hidden"][value="${FIELD.name}"]`).count()) {
    await admin.click('#kembalikan');
    await admin.waitForURL(/hasil=bawaan/);
  }
  return admin;
}

async function adminChangesTheLetterType(admin) {
  expect(await admin.inputValue('#f-classificationCode') === SHIPPED_CLASSIFICATION,
    `not the shipped classification code: ${await admin.inputValue('#f-classificationCode')}`);
  const shippedRows = await admin.locator('#f-fields li.card').count();
  // a new field, added without JavaScript: the page comes back with the row at the end of the form
  await admin.fill('#f-baru-label', FIELD.label);
  await admin.fill('#f-baru-name', FIELD.name);
  await admin.selectOption('#f-baru-kind', 'text');
  await admin.fill('#f-baru-maxLength', '100');
  await admin.check('#f-baru-required');
  await admin.click('button[value="tambah-isian"]');
  const added = admin.locator(`#isian-${shippedRows}`);
  await added.waitFor();
  expect((await added.locator('h3').innerText()).includes(FIELD.label), 'the new field is not the last row');
  // one place up: before "Keperluan surat"
  await admin.click(`button[value="naik-${shippedRows}"]`);
  await admin.locator(`#isian-${shippedRows - 1}`, { hasText: FIELD.label }).waitFor();
  // its English label, folded away under the row for residents who read the portal in English
  const labelEn = `#f-fields-${shippedRows - 1}-labelEn`;
  await admin.locator(`#isian-${shippedRows - 1} details.english summary`).click();
  await admin.fill(labelEn, FIELD.labelEn);
  await admin.fill('#f-classificationCode', CLASSIFICATION);
  const statement = await admin.inputValue('#f-statement');
  await admin.fill('#f-statement', `${statement} Tempat bekerja: {${FIELD.name}}.`);
  expect((await admin.locator('.placeholders').innerText()).includes(`{${FIELD.name}}`),
    'the new field is not offered for the letter text');
  await shot(admin, '41-ubah-jenis-surat');
  await admin.click('#simpan');
  await admin.waitForURL(/hasil=disimpan/);
  expect((await admin.locator('#hasil').innerText()).includes('Tersimpan sebagai versi'), 'no saved confirmation');
  expect(await admin.inputValue('#f-classificationCode') === CLASSIFICATION, 'the classification code was not kept');
  expect(await admin.inputValue(labelEn) === FIELD.labelEn, 'the English label was not kept');
  const latest = await admin.locator('#versi li').first().innerText();
  expect(latest.includes(`isian ditambah: ${FIELD.label}`) && latest.includes(`${SHIPPED_CLASSIFICATION} → ${CLASSIFICATION}`),
    `the history does not say what changed: ${latest}`);
  await shot(admin, '42-jenis-surat-tersimpan');
}

/** Sri applies online: the form asks for the new field and refuses to go on without it. Returns the tracking code. */
async function residentApplies() {
  const page = await phone();
  await page.goto(`${BASE}/surat/${TYPE}/ajukan`);
  await signInAsResident(page, SRI.nik);
  await page.waitForURL(new RegExp(`/surat/${TYPE}/ajukan`));
  const input = `#f-data-${FIELD.name}`;
  await page.goto(`${BASE}/surat/${TYPE}/ajukan?lang=en`);
  expect((await page.locator(`label[for="f-data-${FIELD.name}"]`).innerText()).includes(FIELD.labelEn),
    'the English form does not show the English label');
  await page.goto(`${BASE}/surat/${TYPE}/ajukan?lang=id`);
  expect(await page.locator(input).count() === 1, 'the form does not show the new field');
  expect((await page.locator(`label[for="f-data-${FIELD.name}"]`).innerText()).includes(FIELD.label),
    'the new field is not labelled as the admin wrote it');
  await page.fill('#f-applicant-nik', SRI.nik);
  await page.fill('#f-applicant-name', SRI.name);
  await page.fill('#f-applicant-phone', SRI.phone);
  await page.fill('#f-data-pekerjaan', 'Petani');
  await page.fill('#f-data-penghasilanPerBulan', '1500000');
  await page.fill('#f-data-keperluan', 'Persyaratan beasiswa anak');
  await page.setInputFiles('#f-ktp', jpeg('ktp.jpg'));
  await page.setInputFiles('#f-kk', jpeg('kk.jpg'));
  await page.setInputFiles('#f-pengantar-rt', jpeg('pengantar.jpg'));
  await page.click('main form[enctype="multipart/form-data"] button[type="submit"]');
  await page.locator(`${input}-err`).waitFor();
  expect((await page.locator(`${input}-err`).innerText()).includes('wajib diisi'), 'the new field is not required');
  await shot(page, '43-formulir-isian-baru-wajib');
  await page.fill(input, FIELD.value);
  await page.click('main form[enctype="multipart/form-data"] button[type="submit"]');
  await page.waitForURL(/\/periksa\?kunci=/);
  expect((await page.locator('main').innerText()).includes(FIELD.value), 'the review does not show the new field');
  // an open income letter from an earlier run on kept data is withdrawn first
  const code = await sendReviewed(page, SRI.nik);
  expect(/^PGH-[A-Z0-9]+$/.test(code), `unexpected tracking code ${code}`);
  await reloadUntil(page, `${BASE}/lacak/${code}`, 'Menunggu persetujuan');
  await shot(page, '44-penghasilan-menunggu-persetujuan');
  return { page, code };
}

/** The signed letter: numbered with the new classification code, its text filled with the new field. */
async function residentReadsTheLetter(page, code) {
  await reloadUntil(page, `${BASE}/lacak/${code}`, 'id="surat-selesai"');
  const number = (await page.locator('#letter-number').innerText()).trim();
  expect(number.startsWith(`${CLASSIFICATION}/`), `the letter number ${number} does not start with ${CLASSIFICATION}/`);
  await shot(page, '45-penghasilan-selesai');
  const download = page.waitForEvent('download', { timeout: 30_000 });
  await page.click('#unduh-surat');
  const path = `target/${code}.pdf`;
  await (await download).saveAs(path);
  const { execFileSync } = await import('node:child_process');
  const text = execFileSync('pdftotext', [path, '-']).toString().replace(/\s+/g, ' ');
  expect(text.includes(`Tempat bekerja: ${FIELD.value}`), 'the letter text does not carry the new field');
  expect(text.includes(number), 'the letter does not print its number');
}

export async function adminRedefinesALetterType() {
  const admin = await openAsAdmin();
  try {
    await adminChangesTheLetterType(admin);
    const { page, code } = await residentApplies();
    await officialsApprove(code);
    await residentReadsTheLetter(page, code);
    await page.context().close();
  } finally {
    // back to the shipped definition (a new version), whatever happened: the next run starts from it
    await admin.goto(`${BASE}${EDIT}`);
    if (await admin.locator('#kembalikan').count()) {
      await admin.click('#kembalikan');
      await admin.waitForURL(/hasil=bawaan/);
    }
  }
  expect(await admin.inputValue('#f-classificationCode') === SHIPPED_CLASSIFICATION, 'not back to the shipped code');
  expect(await admin.locator(`input[type="hidden"][value="${FIELD.name}"]`).count() === 0,
    'the new field is still there after going back to the shipped definition');
  await shot(admin, '46-jenis-surat-bawaan');
  await admin.context().close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { run } = await import('../lib.mjs');
  process.exit(await run({ 'admin desa mengubah jenis surat': adminRedefinesALetterType }) ? 1 : 0);
}
