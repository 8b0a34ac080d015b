#!/usr/bin/env node
// The lead id of an email, computed the way the Lead Pipeline does (kafka-support's LeadIds):
// UUID v5 (RFC 9562, SHA-1) of the trimmed, lower-cased email under the published namespace below.
// Every lead-keyed topic (lead.handoffs, lead.nurture-touches, ...) uses this id as its record key,
// so a downstream system can find a person's records without asking the pipeline.
//
//   node lead-id.mjs jane.doe@acme-robotics.example     -> 7372ec3c-3198-5627-954c-3cdd6b1ae3bb
//   import { leadId } from './lead-id.mjs';
import { fileURLToPath } from 'node:url';
import { v5 as uuidv5 } from 'uuid';

/** Published namespace; the pipeline will never change it. */
export const LEAD_ID_NAMESPACE = 'a9572fda-5c7f-4f0a-bbbe-1c962bb64c8a';

/** Trim like Java's String.trim() (code points <= U+0020 at both ends), then lower-case (locale-independent). */
export function normalizeEmail(email) {
  return String(email).replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').toLowerCase();
}

export function leadId(email) {
  return uuidv5(normalizeEmail(email), LEAD_ID_NAMESPACE);
}

// CLI: one id per email argument, one per line.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const emails = process.argv.slice(2);
  if (emails.length === 0) {
    console.error('usage: node lead-id.mjs <email> [<email> ...]');
    process.exit(2);
  }
  for (const email of emails) console.log(leadId(email));
}
