// (d) The village admin manages officials' accounts: signs in, adds an operator (the first password is shown once),
// and the new operator signs in with it and reaches the officials' pages. Identity stores and checks the account.
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
  await official.waitForURL((url) => url.pathname === '/petugas');
  expect((await official.locator('.official-bar').innerText()).includes('Rina Pembantu'), 'the new operator is not signed in');
  await shot(official, '27-petugas-baru-masuk');
  await official.context().close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { run } = await import('../lib.mjs');
  process.exit(await run({ 'admin desa menambah petugas': adminAddsAnOfficial }) ? 1 : 0);
}
