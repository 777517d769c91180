// Browser journeys through the portal (the one origin residents and officials use), at phone width.
// Env: BASE_URL (default http://localhost:8080), CHROMIUM (default /usr/bin/chromium).
// Exit code 0 only when every journey passed; screenshots and page sizes land in target/.
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';

const BASE = process.env.BASE_URL ?? 'http://localhost:8080';
const OUT = 'target';
mkdirSync(`${OUT}/screenshots`, { recursive: true });
const pageSizes = [];

// the smallest whole JPEG (SOI, JFIF header, EOI): intake judges files by their bytes, this one passes
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
const RESIDENT = { nik: '3309016108790002', name: 'Sri Wahyuni', phone: '081234567890', email: 'sri.wahyuni@beji.test' };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID' });
context.setDefaultTimeout(20_000);
context.on('response', async (response) => {
  if (response.request().resourceType() === 'document' && response.status() < 400) {
    const body = await response.body().catch(() => Buffer.alloc(0));
    pageSizes.push(`${new URL(response.url()).pathname}\t${body.length}`);
  }
});

async function shot(page, name) {
  await page.screenshot({ path: `${OUT}/screenshots/${name}.png`, fullPage: true });
}

/** Reloads until the page shows the text: work travels through Kafka, so it arrives a moment later. */
async function reloadUntil(page, url, text, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.goto(url);
    if ((await page.content()).includes(text)) return;
    if (Date.now() > deadline) throw new Error(`"${text}" did not appear on ${url} within ${timeoutMs / 1000} s`);
    await page.waitForTimeout(1000); // polling interval between reloads, not a wait for a result
  }
}

let trackingCode;
const journeys = {
  async 'warga mengajukan SKU, memperbaikinya, lalu menunggu persetujuan (resident submits, revises)'() {
    const page = await context.newPage();
    await page.goto(`${BASE}/`);
    await shot(page, '01-beranda');
    await page.click('a[href="/surat/surat-keterangan-usaha/ajukan"]');
    await page.waitForURL('**/surat/surat-keterangan-usaha/ajukan');
    await shot(page, '02-formulir-sku');
    await page.fill('#f-applicant-nik', RESIDENT.nik);
    await page.fill('#f-applicant-name', 'Sri Wahyu'); // not as in the registry: verification asks to correct it
    await page.fill('#f-applicant-phone', RESIDENT.phone);
    await page.fill('#f-applicant-email', RESIDENT.email);
    await page.fill('#f-data-namaUsaha', 'Warung Makan Sri Rejeki');
    await page.fill('#f-data-jenisUsaha', 'Kuliner');
    await page.fill('#f-data-alamatUsaha', 'RT 002 RW 001 Dusun Beji');
    await page.fill('#f-data-keperluan', 'Pengajuan KUR');
    await page.setInputFiles('#f-ktp', { name: 'ktp.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    await page.setInputFiles('#f-pengantar-rt', { name: 'pengantar.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    await page.click('form[enctype="multipart/form-data"] button[type="submit"]');
    await page.waitForURL(/\/lacak\/[A-Z0-9-]+/);
    trackingCode = new URL(page.url()).pathname.split('/').pop();
    if (!/^SKU-[A-Z0-9]+$/.test(trackingCode)) throw new Error(`unexpected tracking code ${trackingCode}`);
    if (!(await page.content()).includes(trackingCode)) throw new Error('tracking page does not show the code');
    await shot(page, '03-kode-lacak');
    await reloadUntil(page, `${BASE}/lacak/${trackingCode}`, 'id="perlu-perbaikan"');
    await shot(page, '04-status-perlu-perbaikan');
    await page.click('#perlu-perbaikan a.button');
    await page.fill('#f-nik', RESIDENT.nik);
    await page.click('main form button[type="submit"]');
    await page.waitForSelector('#f-applicant-name');
    await shot(page, '05-formulir-perbaikan');
    await page.fill('#f-applicant-name', RESIDENT.name);
    await page.click('form[enctype="multipart/form-data"] button[type="submit"]');
    await page.waitForURL(/diperbaiki=1/);
    await reloadUntil(page, `${BASE}/lacak/${trackingCode}`, 'Menunggu persetujuan');
    await shot(page, '06-status-menunggu-persetujuan');
  },

  async 'petugas menyetujui, petugas berikutnya melihatnya (official approves, the next sees it)'() {
    if (!trackingCode) throw new Error('no request from the resident journey');
    const page = await context.newPage();
    await reloadUntil(page, `${BASE}/petugas?peran=kasi-pelayanan`, trackingCode);
    await shot(page, '07-kotak-tugas-kasi');
    await page.locator('li.card', { hasText: trackingCode }).locator('button[value="APPROVE"]').click();
    await page.waitForURL(/hasil=APPROVE/);
    await shot(page, '08-tugas-disetujui');
    await reloadUntil(page, `${BASE}/petugas?peran=sekdes`, trackingCode);
    await shot(page, '09-kotak-tugas-sekdes');
  },
};

let failed = 0;
for (const [name, journey] of Object.entries(journeys)) {
  const started = Date.now();
  try {
    await journey();
    console.log(`PASS ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e.message}`);
    for (const [i, page] of context.pages().entries()) {
      await page.screenshot({ path: `${OUT}/screenshots/failed-${failed}-${i}.png`, fullPage: true }).catch(() => {});
      console.log(`  page ${i} at ${page.url()}`);
    }
  }
}
await browser.close();
writeFileSync(`${OUT}/page-sizes.txt`, ['path\tbytes (HTML, before images)', ...pageSizes].join('\n') + '\n');
console.log(`${failed === 0 ? 'ALL PASSED' : `${failed} FAILED`}; screenshots in ${OUT}/screenshots, page sizes in ${OUT}/page-sizes.txt`);
process.exit(failed === 0 ? 0 : 1);
