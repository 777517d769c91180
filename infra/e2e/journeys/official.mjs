// (c) Officials sign in at the identity service (username + password), see the task in their inbox, open it and approve; the next official in
// the chain sees it next. Standalone it acts on TRACKING_CODE, or on the first task of the kasi pelayanan.
import { BASE, OFFICIALS, expect, phone, reloadUntil, shot, signIn } from '../lib.mjs';

/** One official approves the request's task; returns once the list reports it. */
export async function approveAs(username, trackingCode, prefix) {
  const page = await phone();
  await signIn(page, username, '/petugas', `${prefix}-masuk-petugas`);
  expect(await page.locator('.official-bar').count() === 1, `${username} does not appear signed in`);
  await shot(page, `${prefix}-beranda-petugas`);
  const list = `${BASE}/petugas/tugas?lingkup=grup`;
  await reloadUntil(page, list, trackingCode ?? 'class="card');
  await shot(page, `${prefix}-daftar-tugas`);
  const card = trackingCode ? page.locator('li.card', { hasText: trackingCode }) : page.locator('li.card').first();
  await card.locator('a.button').click();
  await page.waitForURL(/\/petugas\/tugas\/[^/?]+/);
  const code = (await page.locator('section[aria-labelledby="s-permohonan"] dd.code').first().innerText()).trim();
  await shot(page, `${prefix}-rincian-tugas`);
  await page.click('#setujui');
  await page.waitForURL(/hasil=APPROVE/);
  expect((await page.locator('#hasil').innerText()).includes('disetujui'), 'no approval confirmation');
  await shot(page, `${prefix}-tugas-disetujui`);
  await page.context().close();
  return code;
}

export async function officialsApprove(trackingCode) {
  const code = await approveAs(OFFICIALS.kasi, trackingCode, '09');
  await approveAs(OFFICIALS.sekdes, code, '11');
  await approveAs(OFFICIALS.kades, code, '13');
  return code;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { run } = await import('../lib.mjs');
  process.exit(await run({
    'petugas menyetujui (kasi, sekdes, kades)': () => officialsApprove(process.env.TRACKING_CODE),
  }) ? 1 : 0);
}
