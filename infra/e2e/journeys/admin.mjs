// (d) The village admin manages officials' accounts: signs in, adds an operator (the first password is shown once),
// and the new operator signs in with it; the admin has seen that password, so identity asks the operator for an own
// one ("Buat kata sandi baru") before the sign-in completes; then the operator reaches the officials' pages.
// Re-runnable on kept data: a new username (and so a new account) every run.
import { BASE, expect, phone, shot, signIn } from '../lib.mjs';

export async function adminAddsAnOfficial() {
  const admin = await phone();
  await signIn(admin, 'admin.beji', '/admin/petugas');
  expect((await admin.locator('main').innerText()).includes('Bambang Wijaya'), 'the village officials are not listed');
  await shot(admin, '25-akun-petugas');
  const username = `operator${Date.now() % 100000}.beji`;
  await admin.fill('#f-name', 'Rina Pembantu');
  await admin.fill('#f-username', username);
  await admin.selectOption('#f-role', 'operator');
  await admin.click('section[aria-labelledby="tambah"] button[type="submit"]');
  const secret = (await admin.locator('#kata-sandi-awal strong').innerText()).trim();
  expect(secret.length >= 8, 'no first password shown');
  await shot(admin, '26-akun-dibuat');
  await admin.context().close();

  const official = await phone();
  await official.goto(`${BASE}/masuk?lanjut=%2Fpetugas`);
  await official.fill('#username', username);
  await official.fill('#password', secret);
  await official.click('button[type="submit"]');
  await official.waitForURL((url) => url.pathname === '/login/sandi-baru');
  expect((await official.locator('h1').innerText()).includes('Buat kata sandi baru'), 'no "choose a new password" page');
  await shot(official, '26b-petugas-sandi-baru');
  // identity's rule: at least 10 characters, letters and digits, not the username, not the first password
  const chosen = `Rina-${Date.now() % 100000}-Sandi`;
  await official.fill('#password', chosen);
  await official.fill('#password2', chosen);
  await official.click('button[type="submit"]');
  await official.waitForURL((url) => url.origin === new URL(BASE).origin && url.pathname === '/petugas');
  expect((await official.locator('.official-bar').innerText()).includes('Rina Pembantu'), 'the new operator is not signed in');
  await shot(official, '27-petugas-baru-masuk');
  await official.context().close();

  // the admin reads the new operator's trail: created, a first sign-in, the own password, with where from
  const back = await phone();
  await signIn(back, 'admin.beji', '/admin/petugas');
  await back.click(`#akun-${username.replace('.', '\\.')} a[href$="/jejak"]`);
  await back.waitForURL(/\/admin\/petugas\/[^/]+\/jejak$/);
  const trail = await back.locator('#daftar-akun').innerText();
  for (const seen of ['Akun dibuat', 'Masuk', 'Kata sandi diganti']) {
    expect(trail.includes(seen), `the trail lacks "${seen}": ${trail}`);
  }
  expect(/dari \S+/.test(trail), `the trail does not say where from: ${trail}`);
  await shot(back, '28-jejak-petugas');
  await back.context().close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { run } = await import('../lib.mjs');
  process.exit(await run({ 'admin desa menambah petugas': adminAddsAnOfficial }) ? 1 : 0);
}
