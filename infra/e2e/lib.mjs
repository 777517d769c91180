// Shared by the browser journeys: one headless Debian chromium (never a downloaded browser), phone-sized pages,
// screenshots and page sizes under target/. Env: BASE_URL (default http://localhost:8080), CHROMIUM.
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';

export const BASE = (process.env.BASE_URL ?? 'http://localhost:8080').replace(/\/$/, '');
export const OUT = 'target';
mkdirSync(`${OUT}/screenshots`, { recursive: true });

// the smallest whole JPEG (SOI, JFIF header, EOI): intake judges files by their bytes, this one passes
export const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
  0xff, 0xd9]);
export const jpeg = (name) => ({ name, mimeType: 'image/jpeg', buffer: JPEG });

// residents of the demo register (verification seed; Sri also has an identity account with a PIN) and the demo
// officials' accounts at the identity service (demo seed, one password)
export const SRI = { nik: '3309016108790002', pin: '246810', name: 'Sri Wahyuni', phone: '081234567890',
  email: 'sri.wahyuni@beji.test' };
export const SUTRISNO = { nik: '3309011203750001', pin: '975310', name: 'Sutrisno' };
export const OFFICIALS = {
  operator: 'operator.beji', kasi: 'kasi-pelayanan.beji', sekdes: 'sekdes.beji', kades: 'kades.beji',
};
export const PASSWORD = 'Desa-Beji-2026!';
const PINS = { [SRI.nik]: SRI.pin, [SUTRISNO.nik]: SUTRISNO.pin };

const pageSizes = [];
let browser;

export async function launch() {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return browser;
}

/** A fresh browser profile (own cookies = own session), 360x740 like a small Android phone, Indonesian. */
export async function phone() {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'id-ID',
    acceptDownloads: true });
  context.setDefaultTimeout(20_000);
  context.on('response', async (response) => {
    if (response.request().resourceType() === 'document' && response.status() < 400) {
      const body = await response.body().catch(() => Buffer.alloc(0));
      pageSizes.push(`${new URL(response.url()).pathname}\t${body.length}`);
      if (body.length >= 150 * 1024) console.log(`WARN page over 150 KB: ${response.url()} (${body.length} B)`);
    }
  });
  return context.newPage();
}

export async function shot(page, name) {
  await page.screenshot({ path: `${OUT}/screenshots/${name}.png`, fullPage: true });
}

export function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** Reloads until the page shows the text: work travels through Kafka, so it arrives a moment later. */
export async function reloadUntil(page, url, text, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.goto(url);
    if ((await page.content()).includes(text)) return;
    if (Date.now() > deadline) throw new Error(`"${text}" did not appear on ${url} within ${timeoutMs / 1000} s`);
    await page.waitForTimeout(1000); // polling interval between reloads, not a wait for a result
  }
}

const onIdentity = (url) => url.pathname.startsWith('/login') && url.origin !== new URL(BASE).origin;

/** An official signs in: the portal's "Masuk" leads to the identity service's page (username + password). */
export async function signIn(page, username, next = '/petugas', shotName) {
  await page.goto(`${BASE}/masuk?lanjut=${encodeURIComponent(next)}`);
  await page.waitForURL(onIdentity);
  if (shotName) await shot(page, shotName);
  await page.fill('#username', username);
  await page.fill('#password', PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForURL((url) => url.origin === new URL(BASE).origin && url.pathname === next.split('?')[0]);
}

/** A page that needs a resident sent the browser to identity: "Saya warga", then NIK + PIN; back where it was. */
export async function signInAsResident(page, nik, shotName) {
  await page.waitForURL(onIdentity);
  await page.click('a[href="/login/warga"]');
  await page.waitForURL(/\/login\/warga/);
  if (shotName) await shot(page, shotName);
  expect(PINS[nik], `no demo PIN for resident ${nik}`);
  await page.fill('#username', nik);
  await page.fill('#password', PINS[nik]);
  await page.click('button[type="submit"]');
  await page.waitForURL((url) => url.origin === new URL(BASE).origin);
}

/**
 * On a page only the request's owner may open: signs in as the resident when sent to the sign-in, and confirms the NIK
 * when asked (a browser that did not submit the request). `shotName`: the confirmation page's screenshot.
 */
export async function asOwner(page, nik, shotName) {
  if (onIdentity(new URL(page.url()))) {
    await signInAsResident(page, nik);
  }
  if (page.url().includes('/konfirmasi')) {
    if (shotName) await shot(page, shotName);
    await page.fill('#f-nik', nik);
    await page.click('main form button[type="submit"]');
  }
}

/** Withdraws a request as its resident (signing in if needed): lets a journey run again on kept data. */
export async function cancelAsResident(page, trackingCode, nik) {
  await page.goto(`${BASE}/lacak/${trackingCode}/batalkan`);
  await asOwner(page, nik);
  await page.fill('#f-alasan', 'Uji peramban: diajukan ulang');
  await page.click('button.danger');
  await page.waitForURL(/dibatalkan=1|tidakDapatDibatalkan=1/);
}

/** The open request a 409 points to ("Lihat permohonan ..."), or null. */
export async function existingRequest(page) {
  const link = page.locator('[role="alert"] a[href^="/lacak/"]');
  return (await link.count()) ? (await link.first().getAttribute('href')).split('/').pop() : null;
}

/**
 * Sends a reviewed application ("Kirim"); when the resident already has that letter open (a kept data directory
 * from an earlier run), withdraws the open one and sends again. Returns the new tracking code.
 */
export async function sendReviewed(page, nik) {
  const review = page.url();
  await page.click('form[action$="/kirim"] button');
  await page.waitForURL(/\/lacak\/[A-Z0-9-]+\?baru=1|\/kirim$/);
  if (page.url().endsWith('/kirim')) {
    const open = await existingRequest(page);
    expect(open, `submission refused: ${await page.locator('main').innerText()}`);
    await cancelAsResident(page, open, nik);
    await page.goto(review);
    await page.click('form[action$="/kirim"] button');
    await page.waitForURL(/\/lacak\/[A-Z0-9-]+\?baru=1/);
  }
  return new URL(page.url()).pathname.split('/').pop();
}

/** Runs the journeys in order; exit code 0 only when all passed. */
export async function run(journeys) {
  await launch();
  let failed = 0;
  for (const [name, journey] of Object.entries(journeys)) {
    const started = Date.now();
    try {
      await journey();
      console.log(`PASS ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${name}: ${e.message}`);
      for (const context of browser.contexts()) {
        for (const [i, page] of context.pages().entries()) {
          await page.screenshot({ path: `${OUT}/screenshots/failed-${failed}-${i}.png`, fullPage: true })
            .catch(() => {});
          console.log(`  page ${i} at ${page.url()}`);
        }
      }
    }
  }
  await browser.close();
  writeFileSync(`${OUT}/page-sizes.txt`, ['path\tbytes (HTML, before images)', ...pageSizes].join('\n') + '\n');
  console.log(`${failed === 0 ? 'ALL PASSED' : `${failed} FAILED`}; screenshots in ${OUT}/screenshots, `
    + `page sizes in ${OUT}/page-sizes.txt`);
  return failed;
}
