// (b) At the village office an operator finds a resident in the register, enters a Surat Keterangan Domisili for
// them with the documents seen on paper, and prints the receipt with the tracking code and its QR code.
import { BASE, OFFICIALS, SUTRISNO, cancelAsResident, existingRequest, expect, phone, shot, signIn } from '../lib.mjs';

export async function counterJourney() {
  const page = await phone();
  await signIn(page, OFFICIALS.operator, '/loket');
  await page.fill('#q', SUTRISNO.nik); // the full NIK from the KTP: the register answers it unmasked
  await page.click('form[role="search"] button');
  await page.waitForSelector('#hasil-cari');
  await shot(page, '20-loket-cari-warga');
  await page.locator('main li.card', { hasText: SUTRISNO.name }).first().locator('button').click();
  await page.waitForURL('**/loket/surat');
  await shot(page, '21-loket-pilih-surat');
  await page.click('#surat-surat-keterangan-domisili');
  await page.waitForURL('**/loket/surat/surat-keterangan-domisili');
  expect(await page.inputValue('#f-applicant-name') === SUTRISNO.name, 'the form is not pre-filled with the name');
  expect(await page.inputValue('#f-applicant-nik') === SUTRISNO.nik, 'the form is not pre-filled with the NIK');
  await page.fill('#f-data-alamatDomisili', 'Dukuh Beji');
  await page.fill('#f-data-rt', '1');
  await page.fill('#f-data-rw', '1');
  await page.fill('#f-data-tinggalSejak', '1999');
  await page.selectOption('#f-data-statusTempatTinggal', { index: 1 });
  await page.fill('#f-data-keperluan', 'Persyaratan bantuan sosial');
  for (const kind of ['ktp', 'kk', 'pengantar-rt']) await page.check(`#f-${kind}-kertas`);
  await shot(page, '22-loket-formulir');
  await page.click('main form[enctype="multipart/form-data"] button[type="submit"]');
  await page.waitForLoadState();
  if (!page.url().includes('/loket/tanda-terima/')) {
    const open = await existingRequest(page); // kept data from an earlier run: withdraw it, send the form again
    expect(open, `the counter submission was refused: ${await page.locator('main').innerText()}`);
    const resident = await phone();
    await cancelAsResident(resident, open, SUTRISNO.nik);
    await resident.context().close();
    await page.click('main form[enctype="multipart/form-data"] button[type="submit"]'); // the form kept everything
    await page.waitForURL('**/loket/tanda-terima/**');
  }
  const code = (await page.locator('#kode-lacak').innerText()).trim();
  expect(/^DOM-[A-Z0-9]+$/.test(code), `unexpected tracking code ${code}`);
  expect(await page.locator('.receipt svg.qr').count() === 1, 'no QR code on the receipt');
  expect((await page.locator('.receipt').innerText()).includes('Kartu Keluarga'), 'paper documents not listed');
  await shot(page, '23-tanda-terima');
  await page.emulateMedia({ media: 'print' });
  await shot(page, '24-tanda-terima-cetak');
  await page.goto(`${BASE}/lacak/${code}`);
  expect((await page.content()).includes(code), 'the counter request is not trackable');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { run } = await import('../lib.mjs');
  process.exit(await run({ 'loket mengajukan untuk warga': counterJourney }) ? 1 : 0);
}
