// (a) A resident applies for a Surat Keterangan Usaha from a phone: form with documents, review, tracking code and
// QR; verification sends it back (the name differs from the register), the resident corrects it.
import { BASE, SRI, asOwner, expect, jpeg, phone, reloadUntil, sendReviewed, shot, signInAsResident }
  from '../lib.mjs';

export const state = {};

export async function residentApplies() {
  const page = await phone();
  state.residentPage = page;
  await page.goto(`${BASE}/`);
  await shot(page, '01-beranda');
  await page.click('#surat-surat-keterangan-usaha a.button');
  // applying needs the resident's own sign-in: NIK + PIN at the identity service, then back to the form
  await signInAsResident(page, SRI.nik, '02a-masuk-warga-nik-pin');
  await page.waitForURL(/\/surat\/surat-keterangan-usaha\/ajukan/);
  await shot(page, '02-formulir-sku');
  await page.fill('#f-applicant-nik', SRI.nik);
  await page.fill('#f-applicant-name', 'Sri Wahyu'); // not as in the register: verification asks to correct it
  await page.fill('#f-applicant-phone', SRI.phone);
  await page.fill('#f-applicant-email', SRI.email);
  await page.fill('#f-data-namaUsaha', 'Warung Makan Sri Rejeki');
  await page.fill('#f-data-jenisUsaha', 'Kuliner');
  await page.fill('#f-data-alamatUsaha', 'RT 002 RW 001 Dusun Beji');
  await page.fill('#f-data-keperluan', 'Pengajuan KUR');
  await page.setInputFiles('#f-ktp', jpeg('ktp.jpg'));
  await page.setInputFiles('#f-pengantar-rt', jpeg('pengantar.jpg'));
  await page.click('main form[enctype="multipart/form-data"] button[type="submit"]');
  await page.waitForURL(/\/surat\/surat-keterangan-usaha\/periksa\?kunci=/);
  expect((await page.content()).includes('ktp.jpg'), 'the review does not list the chosen KTP');
  await shot(page, '03-periksa');
  // Sri may already have an open SKU (a kept data directory from an earlier run): it is withdrawn first
  state.trackingCode = await sendReviewed(page, SRI.nik);
  expect(/^SKU-[A-Z0-9]+$/.test(state.trackingCode), `unexpected tracking code ${state.trackingCode}`);
  expect((await page.locator('#kode-lacak').innerText()).trim() === state.trackingCode, 'code not shown');
  expect(await page.locator('svg.qr').count() === 1, 'no QR code on the submission page');
  await shot(page, '04-kode-lacak-qr');
  // signed in, the resident finds it under "Permohonan saya"; the officials' pages are not theirs
  await page.goto(`${BASE}/permohonan-saya`);
  expect((await page.locator('main').innerText()).includes(state.trackingCode), 'not under "Permohonan saya"');
  await shot(page, '04a-permohonan-saya');
  await page.goto(`${BASE}/petugas`);
  expect((await page.locator('h1').innerText()).includes('untuk perangkat desa'), 'a resident reached an officials page');
}

export async function residentRevises() {
  await revise(state.residentPage, state.trackingCode, SRI, ['05-status-perlu-perbaikan', '06-konfirmasi-nik',
    '07-formulir-perbaikan', '08-status-menunggu-persetujuan']);
}

/**
 * The resident opens the request waiting for a correction, corrects it (the name as the register has it) and sends it
 * again; returns once the request waits for approval again. `shots`: the four pages' screenshot names. Returns the
 * status page's text as it asked for the correction.
 */
export async function revise(page, trackingCode, resident, shots) {
  const url = `${BASE}/lacak/${trackingCode}`;
  await reloadUntil(page, url, 'id="perlu-perbaikan"');
  const asked = await page.locator('main').innerText();
  await shot(page, shots[0]);
  await page.click('#perbaiki');
  // the browser that submitted is known to own the request; a stranger would be asked for the NIK first
  await asOwner(page, resident.nik, shots[1]);
  await page.waitForSelector('#f-applicant-name');
  await shot(page, shots[2]);
  await page.fill('#f-applicant-name', resident.name);
  await page.click('main form[enctype="multipart/form-data"] button[type="submit"]');
  await page.waitForURL(/diperbaiki=1/);
  await reloadUntil(page, url, 'Menunggu persetujuan');
  await shot(page, shots[3]);
  return asked;
}

/** After the officials' approvals: the resident sees "Selesai" and downloads the signed letter. */
export async function residentDownloads() {
  const page = state.residentPage;
  const url = `${BASE}/lacak/${state.trackingCode}`;
  await reloadUntil(page, url, 'id="surat-selesai"');
  await shot(page, '15-status-selesai');
  const download = page.waitForEvent('download', { timeout: 30_000 });
  await page.click('#unduh-surat');
  const file = await download;
  const path = `target/${state.trackingCode}.pdf`;
  await file.saveAs(path);
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(path).subarray(0, 5).toString() === '%PDF-', 'the download is not a PDF');
  // whoever holds the paper letter checks it: the code printed under the QR code opens the public page
  const { execFileSync } = await import('node:child_process');
  const text = execFileSync('pdftotext', [path, '-']).toString();
  expect(text.includes('SURAT KETERANGAN USAHA') && text.includes(SRI.name), 'the letter does not say what it is');
  const code = /Kode verifikasi: ([2-9A-Z]{12})/.exec(text);
  expect(code, 'no verification code on the letter');
  const check = await phone();
  await check.goto(`${BASE}/verifikasi/${code[1]}`);
  expect((await check.locator('h1').innerText()).includes('Surat ini benar dan tercatat'), 'the letter is not confirmed');
  await shot(check, '16-verifikasi-surat-asli');
  // the resident's own messages in the portal, and the channel choices
  await page.goto(`${BASE}/lacak/${state.trackingCode}/pemberitahuan`);
  expect((await page.locator('h1').innerText()).includes('Pemberitahuan saya'), 'no notifications page');
  expect(await page.locator('main li.card').count() > 0, 'no in-app message for the resident');
  await shot(page, '17-pemberitahuan-warga');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { run } = await import('../lib.mjs');
  process.exit(await run({ 'warga mengajukan SKU': residentApplies, 'warga memperbaiki': residentRevises }) ? 1 : 0);
}
