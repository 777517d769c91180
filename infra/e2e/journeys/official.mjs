// (c) Officials sign in at the identity service (username + password), see the task in their inbox, open it and approve; the next official in
// the chain sees it next. Standalone it acts on TRACKING_CODE, or on the first task of the kasi pelayanan.
import { BASE, OFFICIALS, expect, phone, reloadUntil, shot, signIn } from '../lib.mjs';

/** One official approves the request's task; returns once the list reports it. */
export async function approveAs(username, trackingCode, prefix) {
  return decideAs(username, trackingCode, prefix, 'APPROVE');
}

/** One official sends the request back to the resident with a note ("Minta perbaikan"). */
export async function returnForRevisionAs(username, trackingCode, prefix, note) {
  return decideAs(username, trackingCode, prefix, 'REVISE', note);
}

/** Opens the request's task from the official's list and decides it; returns the tracking code. */
async function decideAs(username, trackingCode, prefix, decision, note) {
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
  if (decision === 'APPROVE') {
    await page.click('#setujui');
  } else {
    await page.fill('#komentar', note);
    await page.click('#minta-perbaikan');
  }
  await page.waitForURL(new RegExp(`hasil=${decision}`));
  expect((await page.locator('#hasil').innerText()).includes(decision === 'APPROVE' ? 'disetujui' : 'perbaikan'),
    `no confirmation of ${decision}`);
  await shot(page, `${prefix}-tugas-${decision === 'APPROVE' ? 'disetujui' : 'dikembalikan'}`);
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
