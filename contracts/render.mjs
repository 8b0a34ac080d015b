// Renders an AsyncAPI document to static HTML with the official AsyncAPI React component (what
// @asyncapi/html-template does, without the generator): server-side rendered markup, plus the
// component's browser bundle rendering the parsed document (Avro payloads resolved) so schemas expand.
// Usage: node render.mjs [file] [outDir]   (defaults: ../docs/asyncapi.yaml and ../docs/asyncapi/, relative to this script)
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import React from 'react';
import { renderToString } from 'react-dom/server';
import { Parser, fromFile, stringify } from '@asyncapi/parser';
import { AvroSchemaParser } from '@asyncapi/avro-schema-parser';
import AsyncApiComponentModule from '@asyncapi/react-component/lib/cjs/without-parser.js';

const AsyncApiComponent = AsyncApiComponentModule.default ?? AsyncApiComponentModule;
const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const file = path.resolve(process.argv[2] ?? path.join(here, '..', 'docs', 'asyncapi.yaml'));
const outDir = path.resolve(process.argv[3] ?? path.join(here, '..', 'docs', 'asyncapi'));

const parser = new Parser();
parser.registerSchemaParser(AvroSchemaParser());
const { document, diagnostics } = await fromFile(parser, file).parse();
const errors = diagnostics.filter((d) => d.severity === 0);
if (!document || errors.length) {
  for (const d of errors) console.error(`error ${d.code} ${(d.path ?? []).join('.')} ${d.message}`);
  console.error(`${file}: not rendered, run validate.mjs`);
  process.exit(1);
}

const schema = stringify(document); // parsed document, circular refs escaped; the component unstringifies it
const config = { show: { sidebar: true, messageExamples: true }, sidebar: { showOperations: 'byDefault' } };
const markup = renderToString(React.createElement(AsyncApiComponent, { schema, config }));

const escapeHtml = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const asScript = (json) => json.replace(/</g, '\\u003c'); // no "</script>" inside the inline data
const title = `${document.info().title()} ${document.info().version()}`;
const component = path.dirname(require.resolve('@asyncapi/react-component/package.json'));

fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(path.join(outDir, 'css'), { recursive: true });
fs.mkdirSync(path.join(outDir, 'js'), { recursive: true });
fs.copyFileSync(path.join(component, 'styles', 'default.min.css'), path.join(outDir, 'css', 'asyncapi.min.css'));
fs.copyFileSync(path.join(component, 'browser', 'standalone', 'without-parser.js'), path.join(outDir, 'js', 'asyncapi-ui.min.js'));
fs.writeFileSync(path.join(outDir, 'js', 'app.js'),
  `const schema = ${asScript(schema)};\nconst config = ${JSON.stringify(config)};\n` +
  `AsyncApiStandalone.render({ schema, config }, document.getElementById('root'));\n`);
fs.writeFileSync(path.join(outDir, 'index.html'), `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="UTF-8">
    <title>${escapeHtml(title)} documentation</title>
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    <style>body{margin:0;font-family:system-ui,-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif}</style>
    <link href="css/asyncapi.min.css" rel="stylesheet">
  </head>
  <body>
    <div id="root">${markup}</div>
    <script src="js/asyncapi-ui.min.js"></script>
    <script src="js/app.js"></script>
  </body>
</html>
`);
console.log(`${path.relative(process.cwd(), file)} -> ${path.relative(process.cwd(), outDir)}/ (index.html, css/asyncapi.min.css, js/asyncapi-ui.min.js, js/app.js)`);
