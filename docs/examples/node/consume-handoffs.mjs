#!/usr/bin/env node
// Quickstart for downstream teams (CRMs, BI): read the Lead Pipeline's lead.handoffs topic (or
// lead.nurture-touches) with a plain Kafka client and decode the values through the schema registry.
// Prints one JSON line per record: {"topic","partition","offset","key","value"}.
//
// Settings, as environment variables or --flags (flags win): --kafka-bootstrap=host:port, --from-beginning, ...
//   KAFKA_BOOTSTRAP  localhost:9092           comma-separated brokers
//   REGISTRY_URL     http://localhost:8085    the registry's base URL; /apis/ccompat/v7 is added here
//   TOPIC            lead.handoffs            comma-separated, e.g. lead.handoffs,lead.nurture-touches
//   GROUP_ID         lead-pipeline-node-quickstart   use your own stable name in production
//   FROM_BEGINNING   false    true: replay the topic(s) from the start for this group (resets its offsets)
//   MAX_MESSAGES     (none)   exit 0 after printing this many (matching) records
//   TIMEOUT_MS       (none)   exit 1 if MAX_MESSAGES records (or, without MAX_MESSAGES, any) did not come in time
//   LEAD_ID          (none)   print only records whose key is this lead id (see lead-id.mjs)
//
// Exit codes: 0 done (MAX_MESSAGES reached, a signal, or TIMEOUT_MS after at least one record),
// 1 timed out, 2 bad settings, 3 a record could not be decoded or the client failed.
import { hostname } from 'node:os';
import { Kafka, logLevel } from 'kafkajs';
import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';

const settings = readSettings(process.argv.slice(2), process.env);

// --- Schema registry -------------------------------------------------------------------------------
// Values are Avro in the Confluent wire format: magic byte 0, a 4-byte big-endian schema id, then Avro
// binary. The registry is Apicurio Registry; its Confluent-compatible API lives under /apis/ccompat/v7,
// so any Confluent client works once pointed at <registry>/apis/ccompat/v7 (the writer schema is fetched
// once per id from GET /schemas/ids/{id} and cached). Each topic's schema is self-contained (no references).
// Decoding is generic (the writer's schema, no reader schema): fields we add later simply appear.
// Avro long / timestamp-millis values come out as numbers (epoch milliseconds), enums as strings,
// optional fields as the value or null — the same shape `./pipeline tail` prints.
const registry = new SchemaRegistry({ host: settings.registryApi, clientId: 'lead-pipeline-node-quickstart' });

// --- Kafka ------------------------------------------------------------------------------------------
// Keys are plain UTF-8 strings: the lead id, a UUID v5 of the trimmed, lower-cased email under namespace
// a9572fda-5c7f-4f0a-bbbe-1c962bb64c8a (lead-id.mjs computes it). All of a lead's records share a key,
// hence a partition, so they arrive in order.
// lead.handoffs and lead.nurture-touches are not compressed: kafkajs needs no codec for them. (lead.conversions
// and lead.engagements are lz4-compressed: reading those with kafkajs needs an LZ4 codec registered in
// kafkajs's CompressionCodecs.)
const kafka = new Kafka({
  clientId: `lead-pipeline-node-quickstart-${hostname()}`,
  brokers: settings.brokers,
  logLevel: logLevel.WARN,
  logCreator: stderrLogger, // keep stdout for the JSON lines
});

// The writers are Kafka Streams apps with exactly_once_v2, i.e. transactional producers: read_committed
// (readUncommitted: false, kafkajs's default, spelled out here) hides aborted writes and waits for commits.
// A read_uncommitted consumer could see records of aborted transactions, i.e. handoffs that never happened.
const consumer = kafka.consumer({ groupId: settings.groupId, readUncommitted: false });

let printed = 0;
let exiting = false;
let timer;

async function main() {
  if (settings.fromBeginning) await rewindGroup();
  await consumer.connect();
  // fromBeginning only decides where a group with no committed offsets starts (false: new records only).
  await consumer.subscribe({ topics: settings.topics, fromBeginning: settings.fromBeginning });
  if (settings.timeoutMs !== undefined) {
    timer = setTimeout(() => {
      const ok = settings.maxMessages === undefined && printed > 0;
      if (!ok) console.error(`timed out after ${settings.timeoutMs} ms with ${printed} matching record(s)`);
      shutdown(ok ? 0 : 1);
    }, settings.timeoutMs);
  }
  await consumer.run({
    // kafkajs commits the offsets of handled records automatically (at-least-once: after a crash a record
    // may come again, so make your handling idempotent, e.g. keyed by value.handoffId).
    eachMessage: async ({ topic, partition, message }) => {
      if (exiting) return;
      const key = message.key === null ? null : message.key.toString('utf8');
      if (settings.leadId !== undefined && key !== settings.leadId) return;
      let value = null; // a null value would be a tombstone; these topics do not write any
      if (message.value !== null) {
        try {
          value = await registry.decode(message.value);
        } catch (error) {
          console.error(`cannot decode ${topic}/${partition}@${message.offset}: ${error.message}`);
          return shutdown(3);
        }
      }
      console.log(JSON.stringify({ topic, partition, offset: Number(message.offset), key, value }));
      printed += 1;
      if (settings.maxMessages !== undefined && printed >= settings.maxMessages) shutdown(0);
    },
  });
}

// FROM_BEGINNING=true: point the group's committed offsets at the start of every partition, so the run
// replays the whole retained topic even if the group has read it before (the group must have no live members).
async function rewindGroup() {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const topic of settings.topics) {
      const offsets = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({
        groupId: settings.groupId,
        topic,
        partitions: offsets.map(({ partition, low }) => ({ partition, offset: low })),
      });
    }
  } finally {
    await admin.disconnect();
  }
}

// Disconnect cleanly (leaves the group at once, commits what was handled), then exit.
async function shutdown(code) {
  if (exiting) return;
  exiting = true;
  clearTimeout(timer);
  // Leave eachMessage first: kafkajs waits for the running handler before it disconnects.
  setImmediate(async () => {
    try {
      await consumer.disconnect();
    } catch (error) {
      console.error(`disconnect failed: ${error.message}`);
    }
    process.exit(code);
  });
}

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => shutdown(0));

main().catch((error) => {
  console.error(`consumer failed: ${error.message}`);
  shutdown(3);
});

// --- settings ---------------------------------------------------------------------------------------
function readSettings(argv, env) {
  const values = { ...env };
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match) fail(`unknown argument ${argv[i]}`);
    const name = match[1].toUpperCase().replaceAll('-', '_');
    let value = match[2];
    if (value === undefined) value = argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[++i] : 'true';
    values[name] = value;
  }
  const registryUrl = (values.REGISTRY_URL || 'http://localhost:8085').replace(/\/+$/, '');
  const s = {
    brokers: list(values.KAFKA_BOOTSTRAP || 'localhost:9092'),
    // Accept the base URL or the ccompat URL itself.
    registryApi: registryUrl.endsWith('/apis/ccompat/v7') ? registryUrl : `${registryUrl}/apis/ccompat/v7`,
    topics: list(values.TOPIC || 'lead.handoffs'),
    groupId: values.GROUP_ID || 'lead-pipeline-node-quickstart',
    fromBeginning: bool('FROM_BEGINNING', values.FROM_BEGINNING),
    maxMessages: positiveInt('MAX_MESSAGES', values.MAX_MESSAGES),
    timeoutMs: positiveInt('TIMEOUT_MS', values.TIMEOUT_MS),
    leadId: values.LEAD_ID ? values.LEAD_ID.trim().toLowerCase() : undefined,
  };
  if (s.brokers.length === 0 || s.topics.length === 0) fail('KAFKA_BOOTSTRAP and TOPIC must not be empty');
  return s;
}

function list(text) {
  return text.split(',').map((part) => part.trim()).filter(Boolean);
}

function bool(name, text) {
  if (text === undefined || text === '') return false;
  if (/^(true|1|yes)$/i.test(text)) return true;
  if (/^(false|0|no)$/i.test(text)) return false;
  fail(`${name} must be true or false, not ${text}`);
}

function positiveInt(name, text) {
  if (text === undefined || text === '') return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1) fail(`${name} must be a positive integer, not ${text}`);
  return Number(text);
}

function fail(message) {
  console.error(message);
  process.exit(2);
}

function stderrLogger() {
  const names = Object.fromEntries(Object.entries(logLevel).map(([name, level]) => [level, name]));
  return ({ level, log }) => {
    const { message, timestamp, ...extra } = log;
    console.error(`${timestamp} [kafkajs ${names[level] ?? level}] ${message} ${JSON.stringify(extra)}`);
  };
}
