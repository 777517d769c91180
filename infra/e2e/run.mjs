// Every browser journey through the portal at phone width, in the order a request lives:
//   warga (resident) submits an SKU with documents and corrects it; kasi, sekdes and kades approve; the resident
//   downloads the letter; the counter enters a request for a resident in person; the village admin adds an
//   official who then signs in; the village admin inserts a kepala dusun check into the SKU workflow in the editor,
//   deploys it, a new request meets it and a waiting one is migrated and finishes; the village admin changes the
//   income letter (a new required field, classification code, letter text), a resident fills it in and the letter
//   carries both, then the admin goes back to the shipped definition; a public letter check.
// Env: BASE_URL (default http://localhost:8080), CHROMIUM (default /usr/bin/chromium). The resident journey reads the downloaded letter with pdftotext (poppler-utils).
// Exit code 0 only when every journey passed; screenshots and page sizes land in target/.
import { BASE, expect, phone, run, shot } from './lib.mjs';
import { residentApplies, residentDownloads, residentRevises, state } from './journeys/resident.mjs';
import { officialsApprove } from './journeys/official.mjs';
import { counterJourney } from './journeys/counter.mjs';
import { adminAddsAnOfficial } from './journeys/admin.mjs';
import { adminRedesignsTheSkuChain } from './journeys/workflow.mjs';
import { adminRedefinesALetterType } from './journeys/lettertype.mjs';

const failed = await run({
  'warga mengajukan SKU dengan lampiran, mendapat kode lacak + QR (resident applies)': residentApplies,
  'warga memperbaiki setelah "perlu perbaikan" (resident revises)': residentRevises,
  'kasi, sekdes, kades membuka tugas dan menyetujui (officials approve)': async () => {
    expect(state.trackingCode, 'no request from the resident journey');
    await officialsApprove(state.trackingCode);
  },
  'warga mengunduh surat (resident downloads the letter)': residentDownloads,
  'loket: petugas mengajukan untuk warga, mencetak tanda terima (counter)': counterJourney,
  'admin desa menambah petugas, petugas baru masuk (officials\' accounts)': adminAddsAnOfficial,
  'admin desa menambah langkah kepala dusun di alur SKU, memasang, memindahkan permohonan (workflow editor)':
    adminRedesignsTheSkuChain,
  'admin desa mengubah jenis surat penghasilan, warga mengisi isian baru, surat bernomor kode baru (letter types)':
    adminRedefinesALetterType,
  'cek keaslian surat: kode tidak dikenal (public letter check)': async () => {
    const page = await phone();
    await page.goto(`${BASE}/verifikasi/BUKAN-KODE-ASLI`);
    expect((await page.locator('h1').innerText()).includes('Surat tidak ditemukan'), 'no not-found verdict');
    await shot(page, '30-verifikasi-tidak-ditemukan');
  },
});
process.exit(failed === 0 ? 0 : 1);
