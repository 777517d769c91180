// Builds the approval-chain editor (bpmn-js + Camunda 7 properties panel + bpmnlint) into ONE script and ONE
// stylesheet (plus the bpmn-font files they reference) under target/classes/static/editor, served as /editor/...
// Run by Maven (exec-maven-plugin, phase generate-resources) after `npm ci`; nothing is fetched at run time.
import { build } from 'esbuild';
import { readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const outdir = process.env.EDITOR_OUT || path.resolve(here, '../../../target/classes/static/editor');

// bpmnlint resolves rules from node_modules at lint time; a browser cannot, so the .bpmnlintrc is compiled into a
// module that imports every enabled rule statically (bpmnlint's own compiler, the one bpmnlint-pack-config uses).
const compileConfig = require('bpmnlint/lib/support/compile-config');
const lintConfigPlugin = {
  name: 'bpmnlint-config',
  setup(b) {
    b.onResolve({ filter: /^virtual:bpmnlint-config$/ }, () => ({ path: 'bpmnlint-config', namespace: 'bpmnlint' }));
    b.onLoad({ filter: /.*/, namespace: 'bpmnlint' }, async () => {
      const rc = JSON.parse(await readFile(path.join(here, '.bpmnlintrc'), 'utf8'));
      return { contents: await compileConfig(rc), resolveDir: here, loader: 'js' };
    });
  }
};

const result = await build({
  entryPoints: { 'alur-editor': path.join(here, 'src/editor.js') },
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  outdir,
  // the fonts of bpmn-font / the panel become files next to the stylesheet (same origin, no CDN)
  loader: { '.woff2': 'file', '.woff': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
  assetNames: '[name]-[hash]',
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
  plugins: [lintConfigPlugin]
});

if (process.env.EDITOR_ANALYZE) { const { analyzeMetafile } = await import("esbuild"); console.log(await analyzeMetafile(result.metafile)); }
// gzip twins of the script and stylesheet: the portal serves them to browsers that accept gzip
// (workflows/EditorBundle), a quarter of the bytes over a village's slow connection
for (const file of Object.keys(result.metafile.outputs).filter((f) => /\.(js|css)$/.test(f))) {
  const gz = gzipSync(await readFile(file), { level: 9 });
  await writeFile(file + '.gz', gz);
  result.metafile.outputs[file + '.gz'] = { bytes: gz.length };
}

const sizes = Object.entries(result.metafile.outputs)
  .map(([file, out]) => `${path.basename(file)} ${(out.bytes / 1024).toFixed(0)} KB`);
console.log(`editor bundle -> ${outdir}: ${sizes.join(', ')}`);
