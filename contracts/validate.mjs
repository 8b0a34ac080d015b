// Parses an AsyncAPI document with the official parser, Avro schema parser registered.
// Usage: node validate.mjs [file]   (default: ../docs/asyncapi.yaml, relative to this script)
// Prints every diagnostic as "<severity> <code> <path> <message>"; exits 1 on any error or when the document is not parsed.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Parser, fromFile } from '@asyncapi/parser';
import { AvroSchemaParser } from '@asyncapi/avro-schema-parser';

const here = path.dirname(fileURLToPath(import.meta.url));
const file = path.resolve(process.argv[2] ?? path.join(here, '..', 'docs', 'asyncapi.yaml'));
const SEVERITY = ['error', 'warning', 'info', 'hint'];

const parser = new Parser();
parser.registerSchemaParser(AvroSchemaParser());
let document, diagnostics;
try {
  ({ document, diagnostics } = await fromFile(parser, file).parse());
} catch (e) {
  console.log(`error read ${file} ${e.message}`);
  process.exit(1);
}

let errors = 0;
for (const d of diagnostics) {
  const severity = SEVERITY[d.severity] ?? String(d.severity);
  if (d.severity === 0) errors++;
  console.log(`${severity} ${d.code} ${(d.path ?? []).join('.') || '-'} ${d.message}`);
}
console.log(`${path.relative(process.cwd(), file) || file}: ${document ? 'parsed' : 'NOT parsed'}, ${diagnostics.length} diagnostic(s), ${errors} error(s)`);
process.exit(document && errors === 0 ? 0 : 1);
