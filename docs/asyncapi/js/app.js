const schema = {
  "asyncapi": "3.1.0",
  "info": {
    "title": "Lead Pipeline topics",
    "version": "0.1.0",
    "description": "Every topic of the Lead Pipeline: what it carries, who writes it (exactly one writer) and who reads it.\nKeys are the lead id (UUID v5 of the trimmed, lower-cased email under namespace\na9572fda-5c7f-4f0a-bbbe-1c962bb64c8a), a plain UTF-8 string, except where a message's Kafka binding says\notherwise (closer id on lead.closer-availability, dlqTopic:partition:offset on lead.dlq-replays; dead letters\nkeep the source record's key). Values are Avro in the Confluent wire format\n(magic byte 0 + 4-byte schema id), registered under `\u003ctopic>-value` with BACKWARD compatibility, dereferenced\n(one self-contained schema per topic). Any Confluent client reads them through the registry's\nConfluent-compatible API (`/apis/ccompat/v7`). Topics use the cluster's retention (delete policy, 7 days by\ndefault) unless a channel says otherwise. Each channel names its `x-writer` (the one component that writes\nit; for a dead-letter topic, each service that dead-letters to it), its `x-readers` (our components whose\nconsumer groups read it) and its `x-external-readers` (systems outside the project). The suite parses this\ndocument with the official AsyncAPI parser and checks it against the code and the running pipeline (topics,\nregistered schemas, consumer groups, transactional writers, cleanup policies, record keys): it cannot drift.\nDownstream quickstart: docs/consuming.md; schema changes: docs/schema-evolution.md.\n"
  },
  "defaultContentType": "application/vnd.apache.avro+binary",
  "servers": {
    "local": {
      "host": "localhost:9092",
      "protocol": "kafka",
      "description": "The broker `./pipeline up` starts (KAFKA_PORT)."
    }
  },
  "channels": {
    "conversions": {
      "address": "lead.conversions",
      "description": "Form fills accepted by capture. Writer capture-service; readers qualification-service, ops-console.",
      "x-writer": "capture-service",
      "x-readers": [
        "qualification-service",
        "ops-console"
      ],
      "messages": {
        "ConversionCaptured": {
          "bindings": {
            "kafka": {
              "key": {
                "type": "string",
                "format": "uuid",
                "description": "lead id: UUID v5 of the trimmed lower-cased email under namespace a9572fda-5c7f-4f0a-bbbe-1c962bb64c8a",
                "examples": [
                  "7372ec3c-3198-5627-954c-3cdd6b1ae3bb"
                ]
              },
              "schemaIdLocation": "payload",
              "schemaIdPayloadEncoding": "confluent",
              "bindingVersion": "0.5.0"
            }
          },
          "name": "ConversionCaptured",
          "traits": [
            {
              "bindings": {
                "kafka": {
                  "key": {
                    "type": "string",
                    "format": "uuid",
                    "description": "lead id: UUID v5 of the trimmed lower-cased email under namespace a9572fda-5c7f-4f0a-bbbe-1c962bb64c8a",
                    "examples": "$ref:$.channels.conversions.messages.ConversionCaptured.bindings.kafka.key.examples"
                  },
                  "schemaIdLocation": "payload",
                  "schemaIdPayloadEncoding": "confluent",
                  "bindingVersion": "0.5.0"
                }
              }
            }
          ],
          "payload": {
            "schemaFormat": "application/vnd.apache.avro+json;version=1.9.0",
            "schema": {
              "type": "object",
              "required": [
                "conversionId",
                "leadId",
                "occurredAt",
                "receivedAt",
                "formId",
                "formType",
                "contact",
                "attribution",
                "consent"
              ],
              "properties": {
                "conversionId": {
                  "type": "string",
                  "x-parser-schema-id": "\u003canonymous-schema-1>"
                },
                "leadId": {
                  "type": "string",
                  "description": "UUID v5 of the trimmed, lower-cased email.",
                  "x-parser-schema-id": "\u003canonymous-schema-2>"
                },
                "occurredAt": {
                  "type": "integer",
                  "minimum": -9223372036854776000,
                  "maximum": 9223372036854776000,
                  "description": "When the visitor submitted the form.",
                  "x-parser-schema-id": "\u003canonymous-schema-3>"
                },
                "receivedAt": {
                  "type": "integer",
                  "minimum": -9223372036854776000,
                  "maximum": 9223372036854776000,
                  "description": "When capture accepted it.",
                  "x-parser-schema-id": "\u003canonymous-schema-4>"
                },
                "formId": {
                  "type": "string",
                  "x-parser-schema-id": "\u003canonymous-schema-5>"
                },
                "formType": {
                  "x-parser-schema-id": "\u003canonymous-schema-6>"
                },
                "siteId": {
                  "oneOf": [
                    {
                      "type": "string",
                      "x-parser-schema-id": "\u003canonymous-schema-8>"
                    },
                    {
                      "type": "null",
                      "x-parser-schema-id": "\u003canonymous-schema-9>"
                    }
                  ],
                  "default": null,
                  "x-parser-schema-id": "\u003canonymous-schema-7>"
                },
                "contact": {
                  "x-parser-schema-id": "\u003canonymous-schema-10>"
                },
                "attribution": {
                  "x-parser-schema-id": "\u003canonymous-schema-11>"
                },
                "consent": {
                  "x-parser-schema-id": "\u003canonymous-schema-12>"
                },
                "customFields": {
                  "type": "object",
                  "additionalProperties": {
                    "type": "string",
                    "x-parser-schema-id": "\u003canonymous-schema-14>"
                  },
                  "default": {},
                  "x-parser-schema-id": "\u003canonymous-schema-13>"
                },
                "clientIp": {
                  "oneOf": [
                    {
                      "type": "string",
                      "x-parser-schema-id": "\u003canonymous-schema-16>"
                    },
                    {
                      "type": "null",
                      "x-parser-schema-id": "\u003canonymous-schema-17>"
                    }
                  ],
                  "description": "Only when the site enables storing it.",
                  "default": null,
                  "x-parser-schema-id": "\u003canonymous-schema-15>"
                },
                "sourceTrusted": {
                  "type": "boolean",
                  "description": "Posted by a trusted server with an API key (not a browser).",
                  "default": false,
                  "x-parser-schema-id": "\u003canonymous-schema-18>"
                }
              },
              "description": "A visitor submitted a form; written by capture-service to lead.conversions, key = leadId.",
              "x-parser-schema-id": "io.leadpipeline.events.ConversionCaptured"
            },
            "x-parser-original-payload": {
              "type": "record",
              "name": "ConversionCaptured",
              "namespace": "io.leadpipeline.events",
              "doc": "A visitor submitted a form; written by capture-service to lead.conversions, key = leadId.",
              "fields": [
                {
                  "name": "conversionId",
                  "type": "string"
                },
                {
                  "name": "leadId",
                  "type": "string",
                  "doc": "UUID v5 of the trimmed, lower-cased email."
                },
                {
                  "name": "occurredAt",
                  "type": {
                    "type": "long",
                    "logicalType": "timestamp-millis"
                  },
                  "doc": "When the visitor submitted the form."
                },
                {
                  "name": "receivedAt",
                  "type": {
                    "type": "long",
                    "logicalType": "timestamp-millis"
                  },
                  "doc": "When capture accepted it."
                },
                {
                  "name": "formId",
                  "type": "string"
                },
                {
                  "name": "formType",
                  "type": "io.leadpipeline.events.FormType"
                },
                {
                  "name": "siteId",
                  "type": [
                    "null",
                    "string"
                  ],
                  "default": null
                },
                {
                  "name": "contact",
                  "type": "io.leadpipeline.events.ContactDetails"
                },
                {
                  "name": "attribution",
                  "type": "io.leadpipeline.events.Attribution"
                },
                {
                  "name": "consent",
                  "type": "io.leadpipeline.events.MarketingConsent"
                },
                {
                  "name": "customFields",
                  "type": {
                    "type": "map",
                    "values": "string"
                  },
                  "default": "$ref:$.channels.conversions.messages.ConversionCaptured.payload.schema.properties.customFields.default"
                },
                {
                  "name": "clientIp",
                  "type": [
                    "null",
                    "string"
                  ],
                  "default": null,
                  "doc": "Only when the site enables storing it."
                },
                {
                  "name": "sourceTrusted",
                  "type": "boolean",
                  "default": false,
                  "doc": "Posted by a trusted server with an API key (not a browser)."
                }
              ]
            }
          },
          "examples": [
            {
              "summary": "Record key 7372ec3c-3198-5627-954c-3cdd6b1ae3bb (lead id of jane.doe@acme-robotics.example)",
              "payload": {
                "conversionId": "c8aa93a2-954f-4c2f-b3e3-87b9a9553a9e",
                "leadId": "7372ec3c-3198-5627-954c-3cdd6b1ae3bb",
                "formId": "demo-request",
                "formType": "DEMO_REQUEST",
                "contact": {
                  "email": "jane.doe@acme-robotics.example",
                  "firstName": "Jane",
                  "company": "Acme Robotics",
                  "jobTitle": "VP of Sales",
                  "companySize": "500",
                  "employees": 500,
                  "country": "US"
                },
                "consent": {
                  "marketingOptIn": true,
                  "text": "v1"
                }
              }
            }
          ],
          "x-parser-unique-object-id": "ConversionCaptured"
        }
      },
      "bindings": {
        "kafka": {
          "topicConfiguration": {
            "cleanup.policy": [
              "delete"
            ],
            "retention.ms": 604800000
          }
        }
      },
      "x-parser-unique-object-id": "conversions"
    },
    "conversionsDeadLetters": {
      "address": "lead.conversions.dlq",
      "description": "Records of lead.conversions qualification could not read, unchanged, with the reason in headers.",
      "x-writer": [
        "qualification-service"
      ],
      "x-readers": [
        "ops-console"
      ],
      "x-external-readers": [
        "./pipeline dlq"
      ],
      "messages": {
        "DeadLetter": {
          "name": "DeadLetter",
          "summary": "The unreadable record's key and value bytes, unchanged.",
          "contentType": "application/octet-stream",
          "bindings": {
            "kafka": {
              "key": {
                "type": "string",
                "description": "The source record's key, unchanged: the lead id, or the closer id on lead.closer-availability.dlq."
              },
              "bindingVersion": "0.5.0"
            }
          },
          "headers": {
            "type": "object",
            "properties": {
              "dlq.reason": {
                "type": "string",
                "description": "Why it could not be processed.",
                "x-parser-schema-id": "\u003canonymous-schema-20>"
              },
              "dlq.exception": {
                "type": "string",
                "x-parser-schema-id": "\u003canonymous-schema-21>"
              },
              "dlq.source.topic": {
                "type": "string",
                "x-parser-schema-id": "\u003canonymous-schema-22>"
              },
              "dlq.source.partition": {
                "type": "string",
                "x-parser-schema-id": "\u003canonymous-schema-23>"
              },
              "dlq.source.offset": {
                "type": "string",
                "x-parser-schema-id": "\u003canonymous-schema-24>"
              },
              "dlq.service": {
                "type": "string",
                "x-parser-schema-id": "\u003canonymous-schema-25>"
              }
            },
            "x-parser-schema-id": "\u003canonymous-schema-19>"
          },
          "payload": {
            "type": "string",
            "format": "binary",
            "x-parser-schema-id": "\u003canonymous-schema-26>"
          },
          "x-parser-unique-object-id": "DeadLetter"
        }
      },
      "x-parser-unique-object-id": "conversionsDeadLetters"
    },
    "decisions": {
      "address": "lead.decisions",
      "description": "Qualification decisions (first decision of every lead, then stage changes). Writer qualification-service.",
      "x-writer": "qualification-service",
      "x-readers": [
        "routing-service",
        "nurture-service",
        "ops-console"
      ],
      "messages": {
        "QualificationDecided": {
          "bindings": {
            "kafka": {
              "key": {
                "type": "string",
                "format": "uuid",
                "description": "lead id: UUID v5 of the trimmed lower-cased email under namespace a9572fda-5c7f-4f0a-bbbe-1c962bb64c8a",
                "examples": "$ref:$.channels.conversions.messages.ConversionCaptured.bindings.kafka.key.examples"
              },
              "schemaIdLocation": "payload",
              "schemaIdPayloadEncoding": "confluent",
              "bindingVersion": "0.5.0"
            }
          },
          "name": "QualificationDecided",
          "traits": [
            "$ref:$.channels.conversions.messages.ConversionCaptured.traits[0]"
          ],
          "payload": {
            "schemaFormat": "application/vnd.apache.avro+json;version=1.9.0",
            "schema": {
              "type": "object",
              "required": [
                "decisionId",
                "leadId",
                "decidedAt",
                "stage",
                "fitScore",
                "engagementScore",
                "totalScore",
                "grade",
                "reasons",
                "triggeringEventId",
                "rulesVersion",
                "lead"
              ],
              "properties": {
                "decisionId": {
                  "type": "string",
                  "x-parser-schema-id": "\u003canonymous-schema-27>"
                },
                "leadId": {
                  "type": "string",
                  "x-parser-schema-id": "\u003canonymous-schema-28>"
                },
                "decidedAt": {
                  "type": "integer",
                  "minimum": -9223372036854776000,
                  "maximum": 9223372036854776000,
                  "x-parser-schema-id": "\u003canonymous-schema-29>"
                },
                "stage": {
                  "x-parser-schema-id": "\u003canonymous-schema-30>"
                },
                "previousStage": {
                  "oneOf": [
                    {
                      "x-parser-schema-id": "\u003canonymous-schema-32>"
                    },
                    {
                      "type": "null",
                      "x-parser-schema-id": "\u003canonymous-schema-33>"
                    }
                  ],
                  "default": null,
                  "x-parser-schema-id": "\u003canonymous-schema-31>"
                },
                "rejectionReason": {
                  "oneOf": [
                    {
                      "type": "string",
                      "enum": [
                        "LOW_SCORE",
                        "NOT_A_FIT",
                        "STALE",
                        "DISQUALIFIED_COMPETITOR",
                        "DISQUALIFIED_INVALID",
                        "DISQUALIFIED_SPAM",
                        "DISQUALIFIED_EXCLUDED_SEGMENT",
                        "OTHER"
                      ],
                      "default": "OTHER",
                      "x-parser-schema-id": "\u003canonymous-schema-35>"
                    },
                    {
                      "type": "null",
                      "x-parser-schema-id": "\u003canonymous-schema-36>"
                    }
                  ],
                  "description": "Set when stage is REJECTED; DISQUALIFIED_* leads are never nurtured.",
                  "default": null,
                  "x-parser-schema-id": "\u003canonymous-schema-34>"
                },
                "fitScore": {
                  "type": "integer",
                  "minimum": -2147483648,
                  "maximum": 2147483647,
                  "x-parser-schema-id": "\u003canonymous-schema-37>"
                },
                "engagementScore": {
                  "type": "integer",
                  "minimum": -2147483648,
                  "maximum": 2147483647,
                  "x-parser-schema-id": "\u003canonymous-schema-38>"
                },
                "totalScore": {
                  "type": "integer",
                  "minimum": -2147483648,
                  "maximum": 2147483647,
                  "x-parser-schema-id": "\u003canonymous-schema-39>"
                },
                "grade": {
                  "x-parser-schema-id": "\u003canonymous-schema-40>"
                },
                "reasons": {
                  "type": "array",
                  "items": {
                    "x-parser-schema-id": "\u003canonymous-schema-42>"
                  },
                  "x-parser-schema-id": "\u003canonymous-schema-41>"
                },
                "triggeringEventId": {
                  "type": "string",
                  "x-parser-schema-id": "\u003canonymous-schema-43>"
                },
                "rulesVersion": {
                  "type": "string",
                  "description": "Hash of the rules file the decision was made with.",
                  "x-parser-schema-id": "\u003canonymous-schema-44>"
                },
                "cycle": {
                  "type": "integer",
                  "minimum": -2147483648,
                  "maximum": 2147483647,
                  "description": "Qualification cycle; a closer's rejection starts a new one.",
                  "default": 1,
                  "x-parser-schema-id": "\u003canonymous-schema-45>"
                },
                "lead": {
                  "x-parser-schema-id": "\u003canonymous-schema-46>"
                }
              },
              "description": "Qualification decided (or changed) a lead's stage; written by qualification-service to lead.decisions.",
              "x-parser-schema-id": "io.leadpipeline.events.QualificationDecided"
            },
            "x-parser-original-payload": {
              "type": "record",
              "name": "QualificationDecided",
              "namespace": "io.leadpipeline.events",
              "doc": "Qualification decided (or changed) a lead's stage; written by qualification-service to lead.decisions.",
              "fields": [
                {
                  "name": "decisionId",
                  "type": "string"
                },
                {
                  "name": "leadId",
                  "type": "string"
                },
                {
                  "name": "decidedAt",
                  "type": {
                    "type": "long",
                    "logicalType": "timestamp-millis"
                  }
                },
                {
                  "name": "stage",
                  "type": "io.leadpipeline.events.LeadStage"
                },
                {
                  "name": "previousStage",
                  "type": [
                    "null",
                    "io.leadpipeline.events.LeadStage"
                  ],
                  "default": null
                },
                {
                  "name": "rejectionReason",
                  "type": [
                    "null",
                    {
                      "type": "enum",
                      "name": "RejectionReason",
                      "symbols": "$ref:$.channels.decisions.messages.QualificationDecided.payload.schema.properties.rejectionReason.oneOf[0].enum",
                      "default": "OTHER"
                    }
                  ],
                  "default": null,
                  "doc": "Set when stage is REJECTED; DISQUALIFIED_* leads are never nurtured."
                },
                {
                  "name": "fitScore",
                  "type": "int"
                },
                {
                  "name": "engagementScore",
                  "type": "int"
                },
                {
                  "name": "totalScore",
                  "type": "int"
                },
                {
                  "name": "grade",
                  "type": "io.leadpipeline.events.Grade"
                },
                {
                  "name": "reasons",
                  "type": {
                    "type": "array",
                    "items": "io.leadpipeline.events.ScoreReason"
                  }
                },
                {
                  "name": "triggeringEventId",
                  "type": "string"
                },
                {
                  "name": "rulesVersion",
                  "type": "string",
                  "doc": "Hash of the rules file the decision was made with."
                },
                {
                  "name": "cycle",
                  "type": "int",
                  "default": 1,
                  "doc": "Qualification cycle; a closer's rejection starts a new one."
                },
                {
                  "name": "lead",
                  "type": "io.leadpipeline.events.LeadSnapshot"
                }
              ]
            }
          },
          "examples": [
            {
              "summary": "Record key 7372ec3c-3198-5627-954c-3cdd6b1ae3bb (lead id of jane.doe@acme-robotics.example)",
              "payload": {
                "stage": "SQL",
                "grade": "A",
                "totalScore": 70,
                "reasons": [
                  {
                    "ruleId": "intent.high-intent-form",
                    "points": 40,
                    "description": "Asked to talk to sales (DEMO_REQUEST)"
                  }
                ]
              }
            }
          ],
          "x-parser-unique-object-id": "QualificationDecided"
        }
      },
      "bindings": {
        "kafka": {
          "topicConfiguration": {
            "cleanup.policy": [
              "delete"
            ],
            "retention.ms": 604800000
          }
        }
      },
      "x-parser-unique-object-id": "decisions"
    },
    "decisionsDeadLetters": {
      "address": "lead.decisions.dlq",
      "description": "Records of lead.decisions routing or nurture could not read.",
      "x-writer": [
        "routing-service",
        "nurture-service"
      ],
      "x-readers": [
        "ops-console"
      ],
      "x-external-readers": [
        "./pipeline dlq"
      ],
      "messages": {
        "DeadLetter": "$ref:$.channels.conversionsDeadLetters.messages.DeadLetter"
      },
      "x-parser-unique-object-id": "decisionsDeadLetters"
    },
    "handoffs": {
      "address": "lead.handoffs",
      "description": "A sales-qualified lead assigned to a closer, with the lead snapshot and the reasons. CRMs subscribe here.",
      "x-writer": "routing-service",
      "x-readers": [
        "ops-console"
      ],
      "x-external-readers": [
        "CRM"
      ],
      "messages": {
        "LeadHandedOff": {
          "bindings": {
            "kafka": {
              "key": {
                "type": "string",
                "format": "uuid",
                "description": "lead id: UUID v5 of the trimmed lower-cased email under namespace a9572fda-5c7f-4f0a-bbbe-1c962bb64c8a",
                "examples": "$ref:$.channels.conversions.messages.ConversionCaptured.bindings.kafka.key.examples"
              },
              "schemaIdLocation": "payload",
              "schemaIdPayloadEncoding": "confluent",
              "bindingVersion": "0.5.0"
            }
          },
          "name": "LeadHandedOff",
          "traits": [
            "$ref:$.channels.conversions.messages.ConversionCaptured.traits[0]"
          ],
          "payload": {
            "schemaFormat": "application/vnd.apache.avro+json;version=1.9.0",
            "schema": {
              "type": "object",
              "required": [
                "handoffId",
                "leadId",
                "decisionId",
                "closer",
                "pool",
                "matchedRule",
                "strategy",
                "handedOffAt",
                "slaDueAt",
                "lead"
              ],
              "properties": {
                "handoffId": {
                  "type": "string",
                  "x-parser-schema-id": "\u003canonymous-schema-47>"
                },
                "leadId": {
                  "type": "string",
                  "x-parser-schema-id": "\u003canonymous-schema-48>"
                },
                "decisionId": {
                  "type": "string",
                  "x-parser-schema-id": "\u003canonymous-schema-49>"
                },
                "closer": {
                  "type": "object",
                  "required": [
                    "id",
                    "name",
                    "email"
                  ],
                  "properties": {
                    "id": {
                      "type": "string",
                      "x-parser-schema-id": "\u003canonymous-schema-50>"
                    },
                    "name": {
                      "type": "string",
                      "x-parser-schema-id": "\u003canonymous-schema-51>"
                    },
                    "email": {
                      "type": "string",
                      "x-parser-schema-id": "\u003canonymous-schema-52>"
                    }
                  },
                  "x-parser-schema-id": "CloserRef"
                },
                "pool": {
                  "type": "string",
                  "x-parser-schema-id": "\u003canonymous-schema-53>"
                },
                "matchedRule": {
                  "type": "string",
                  "x-parser-schema-id": "\u003canonymous-schema-54>"
                },
                "strategy": {
                  "type": "string",
                  "enum": [
                    "ROUND_ROBIN",
                    "LOAD_BALANCED",
                    "WEIGHTED",
                    "ACCOUNT_OWNER",
                    "OTHER"
                  ],
                  "default": "OTHER",
                  "x-parser-schema-id": "\u003canonymous-schema-55>"
                },
                "attempt": {
                  "type": "integer",
                  "minimum": -2147483648,
                  "maximum": 2147483647,
                  "default": 1,
                  "x-parser-schema-id": "\u003canonymous-schema-56>"
                },
                "handedOffAt": {
                  "type": "integer",
                  "minimum": -9223372036854776000,
                  "maximum": 9223372036854776000,
                  "x-parser-schema-id": "\u003canonymous-schema-57>"
                },
                "slaDueAt": {
                  "type": "integer",
                  "minimum": -9223372036854776000,
                  "maximum": 9223372036854776000,
                  "x-parser-schema-id": "\u003canonymous-schema-58>"
                },
                "lead": {
                  "x-parser-schema-id": "\u003canonymous-schema-59>"
                },
                "previousHandoffId": {
                  "oneOf": [
                    {
                      "type": "string",
                      "x-parser-schema-id": "\u003canonymous-schema-61>"
                    },
                    {
                      "type": "null",
                      "x-parser-schema-id": "\u003canonymous-schema-62>"
                    }
                  ],
                  "description": "Set on a reassignment (attempt > 1): the handoff this one replaces.",
                  "default": null,
                  "x-parser-schema-id": "\u003canonymous-schema-60>"
                },
                "escalated": {
                  "type": "boolean",
                  "description": "True when the lead went to the escalation pool after too many unanswered attempts.",
                  "default": false,
                  "x-parser-schema-id": "\u003canonymous-schema-63>"
                },
                "rulesVersion": {
                  "oneOf": [
                    {
                      "type": "string",
                      "x-parser-schema-id": "\u003canonymous-schema-65>"
                    },
                    {
                      "type": "null",
                      "x-parser-schema-id": "\u003canonymous-schema-66>"
                    }
                  ],
                  "description": "Version of the routing rules (lead.rules, key routing) the assignment was made under; null on handoffs from before rules were versioned.",
                  "default": null,
                  "x-parser-schema-id": "\u003canonymous-schema-64>"
                }
              },
              "description": "A sales-qualified lead was assigned to a closer; written by routing-service to lead.handoffs. CRMs subscribe here.",
              "x-parser-schema-id": "io.leadpipeline.events.LeadHandedOff"
            },
            "x-parser-original-payload": {
              "type": "record",
              "name": "LeadHandedOff",
              "namespace": "io.leadpipeline.events",
              "doc": "A sales-qualified lead was assigned to a closer; written by routing-service to lead.handoffs. CRMs subscribe here.",
              "fields": [
                {
                  "name": "handoffId",
                  "type": "string"
                },
                {
                  "name": "leadId",
                  "type": "string"
                },
                {
                  "name": "decisionId",
                  "type": "string"
                },
                {
                  "name": "closer",
                  "type": {
                    "type": "record",
                    "name": "CloserRef",
                    "fields": [
                      {
                        "name": "id",
                        "type": "string"
                      },
                      {
                        "name": "name",
                        "type": "string"
                      },
                      {
                        "name": "email",
                        "type": "string"
                      }
                    ]
                  }
                },
                {
                  "name": "pool",
                  "type": "string"
                },
                {
                  "name": "matchedRule",
                  "type": "string"
                },
                {
                  "name": "strategy",
                  "type": {
                    "type": "enum",
                    "name": "AssignmentStrategy",
                    "symbols": "$ref:$.channels.handoffs.messages.LeadHandedOff.payload.schema.properties.strategy.enum",
                    "default": "OTHER"
                  }
                },
                {
                  "name": "attempt",
                  "type": "int",
                  "default": 1
                },
                {
                  "name": "handedOffAt",
                  "type": {
                    "type": "long",
                    "logicalType": "timestamp-millis"
                  }
                },
                {
                  "name": "slaDueAt",
                  "type": {
                    "type": "long",
                    "logicalType": "timestamp-millis"
                  }
                },
                {
                  "name": "lead",
                  "type": "io.leadpipeline.events.LeadSnapshot"
                },
                {
                  "name": "previousHandoffId",
                  "type": [
                    "null",
                    "string"
                  ],
                  "default": null,
                  "doc": "Set on a reassignment (attempt > 1): the handoff this one replaces."
                },
                {
                  "name": "escalated",
                  "type": "boolean",
                  "default": false,
                  "doc": "True when the lead went to the escalation pool after too many unanswered attempts."
                },
                {
                  "name": "rulesVersion",
                  "type": [
                    "null",
                    "string"
                  ],
                  "default": null,
                  "doc": "Version of the routing rules (lead.rules, key routing) the assignment was made under; null on handoffs from before rules were versioned."
                }
              ]
            }
          },
          "examples": [
            {
              "summary": "Record key 7372ec3c-3198-5627-954c-3cdd6b1ae3bb (lead id of jane.doe@acme-robotics.example)",
              "payload": {
                "closer": {
                  "id": "closer-ava",
                  "name": "Ava Martin",
                  "email": "ava.martin@sales.example"
                },
                "pool": "default",
                "strategy": "ROUND_ROBIN",
                "attempt": 1
              }
            }
          ],
          "x-parser-unique-object-id": "LeadHandedOff"
        }
      },
      "bindings": {
        "kafka": {
          "topicConfiguration": {
            "cleanup.policy": [
              "delete"
            ],
            "retention.ms": 604800000
          }
        }
      },
      "x-parser-unique-object-id": "handoffs"
    },
    "handoffOutcomes": {
      "address": "lead.handoff-outcomes",
      "description": "What became of a handoff (ACCEPTED, REJECTED, EXPIRED, REASSIGNED): one record with an outcome enum.",
      "x-writer": "routing-service",
      "x-readers": [
        "qualification-service",
        "nurture-service",
        "ops-console"
      ],
      "x-external-readers": [
        "CRM"
      ],
      "messages": {
        "HandoffOutcomeRecorded": {
          "bindings": {
            "kafka": {
              "key": {
                "type": "string",
                "format": "uuid",
                "description": "lead id: UUID v5 of the trimmed lower-cased email under namespace a9572fda-5c7f-4f0a-bbbe-1c962bb64c8a",
                "examples": "$ref:$.channels.conversions.messages.ConversionCaptured.bindings.kafka.key.examples"
              },
              "schemaIdLocation": "payload",
              "schemaIdPayloadEncoding": "confluent",
              "bindingVersion": "0.5.0"
            }
          },
          "name": "HandoffOutcomeRecorded",
          "traits": [
            "$ref:$.channels.conversions.messages.ConversionCaptured.traits[0]"
          ],
          "payload": {
            "schemaFormat": "application/vnd.apache.avro+json;version=1.9.0",
            "schema": {
              "type": "object",
              "required": [
                "outcomeId",
                "handoffId",
                "leadId",
                "closerId",
                "outcome",
                "occurredAt"
              ],
              "properties": {
                "outcomeId": {
                  "type": "string",
                  "x-parser-schema-id": "\u003canonymous-schema-67>"
                },
                "handoffId": {
                  "type": "string",
                  "x-parser-schema-id": "\u003canonymous-schema-68>"
                },
                "leadId": {
                  "type": "string",
                  "x-parser-schema-id": "\u003canonymous-schema-69>"
                },
                "closerId": {
                  "type": "string",
                  "x-parser-schema-id": "\u003canonymous-schema-70>"
                },
                "outcome": {
                  "type": "string",
                  "enum": [
                    "ACCEPTED",
                    "REJECTED",
                    "EXPIRED",
                    "REASSIGNED"
                  ],
                  "x-parser-schema-id": "\u003canonymous-schema-71>"
                },
                "reasonCode": {
                  "oneOf": [
                    {
                      "type": "string",
                      "enum": [
                        "NOT_A_FIT",
                        "NO_BUDGET",
                        "BAD_TIMING",
                        "UNREACHABLE",
                        "DUPLICATE",
                        "OTHER"
                      ],
                      "default": "OTHER",
                      "x-parser-schema-id": "\u003canonymous-schema-73>"
                    },
                    {
                      "type": "null",
                      "x-parser-schema-id": "\u003canonymous-schema-74>"
                    }
                  ],
                  "default": null,
                  "x-parser-schema-id": "\u003canonymous-schema-72>"
                },
                "note": {
                  "oneOf": [
                    {
                      "type": "string",
                      "x-parser-schema-id": "\u003canonymous-schema-76>"
                    },
                    {
                      "type": "null",
                      "x-parser-schema-id": "\u003canonymous-schema-77>"
                    }
                  ],
                  "default": null,
                  "x-parser-schema-id": "\u003canonymous-schema-75>"
                },
                "occurredAt": {
                  "type": "integer",
                  "minimum": -9223372036854776000,
                  "maximum": 9223372036854776000,
                  "x-parser-schema-id": "\u003canonymous-schema-78>"
                },
                "attempt": {
                  "type": "integer",
                  "minimum": -2147483648,
                  "maximum": 2147483647,
                  "default": 1,
                  "x-parser-schema-id": "\u003canonymous-schema-79>"
                },
                "lead": {
                  "oneOf": [
                    {
                      "x-parser-schema-id": "\u003canonymous-schema-81>"
                    },
                    {
                      "type": "null",
                      "x-parser-schema-id": "\u003canonymous-schema-82>"
                    }
                  ],
                  "description": "Set on REJECTED so nurture can recycle the lead without a lookup.",
                  "default": null,
                  "x-parser-schema-id": "\u003canonymous-schema-80>"
                }
              },
              "description": "What became of a handoff: accepted or rejected by the closer, expired, or reassigned; written by routing-service to lead.handoff-outcomes.",
              "x-parser-schema-id": "io.leadpipeline.events.HandoffOutcomeRecorded"
            },
            "x-parser-original-payload": {
              "type": "record",
              "name": "HandoffOutcomeRecorded",
              "namespace": "io.leadpipeline.events",
              "doc": "What became of a handoff: accepted or rejected by the closer, expired, or reassigned; written by routing-service to lead.handoff-outcomes.",
              "fields": [
                {
                  "name": "outcomeId",
                  "type": "string"
                },
                {
                  "name": "handoffId",
                  "type": "string"
                },
                {
                  "name": "leadId",
                  "type": "string"
                },
                {
                  "name": "closerId",
                  "type": "string"
                },
                {
                  "name": "outcome",
                  "type": {
                    "type": "enum",
                    "name": "HandoffOutcomeType",
                    "symbols": "$ref:$.channels.handoffOutcomes.messages.HandoffOutcomeRecorded.payload.schema.properties.outcome.enum"
                  }
                },
                {
                  "name": "reasonCode",
                  "type": [
                    "null",
                    {
                      "type": "enum",
                      "name": "HandoffRejectionReason",
                      "symbols": "$ref:$.channels.handoffOutcomes.messages.HandoffOutcomeRecorded.payload.schema.properties.reasonCode.oneOf[0].enum",
                      "default": "OTHER"
                    }
                  ],
                  "default": null
                },
                {
                  "name": "note",
                  "type": [
                    "null",
                    "string"
                  ],
                  "default": null
                },
                {
                  "name": "occurredAt",
                  "type": {
                    "type": "long",
                    "logicalType": "timestamp-millis"
                  }
                },
                {
                  "name": "attempt",
                  "type": "int",
                  "default": 1
                },
                {
                  "name": "lead",
                  "type": [
                    "null",
                    "io.leadpipeline.events.LeadSnapshot"
                  ],
                  "default": null,
                  "doc": "Set on REJECTED so nurture can recycle the lead without a lookup."
                }
              ]
            }
          },
          "examples": [
            {
              "summary": "Record key 7372ec3c-3198-5627-954c-3cdd6b1ae3bb (lead id of jane.doe@acme-robotics.example)",
              "payload": {
                "outcome": "REJECTED",
                "reasonCode": "NO_BUDGET",
                "note": "Budget frozen until Q3"
              }
            }
          ],
          "x-parser-unique-object-id": "HandoffOutcomeRecorded"
        }
      },
      "x-parser-unique-object-id": "handoffOutcomes"
    },
    "handoffResponses": {
      "address": "lead.handoff-responses",
      "description": "Closers' accept / reject commands from routing's HTTP API, applied by routing's desk (which answers the HTTP call).",
      "x-writer": "routing-service",
      "x-readers": [
        "routing-service",
        "ops-console"
      ],
      "messages": {
        "HandoffResponseSubmitted": {
          "bindings": {
            "kafka": {
              "key": {
                "type": "string",
                "format": "uuid",
                "description": "lead id: UUID v5 of the trimmed lower-cased email under namespace a9572fda-5c7f-4f0a-bbbe-1c962bb64c8a",
                "examples": "$ref:$.channels.conversions.messages.ConversionCaptured.bindings.kafka.key.examples"
              },
              "schemaIdLocation": "payload",
              "schemaIdPayloadEncoding": "confluent",
              "bindingVersion": "0.5.0"
            }
          },
          "name": "HandoffResponseSubmitted",
          "traits": [
            "$ref:$.channels.conversions.messages.ConversionCaptured.traits[0]"
          ],
          "payload": {
            "schemaFormat": "application/vnd.apache.avro+json;version=1.9.0",
            "schema": {
              "type": "object",
              "required": [
                "commandId",
                "handoffId",
                "leadId",
                "response",
                "submittedAt"
              ],
              "properties": {
                "commandId": {
                  "type": "string",
                  "description": "Unique per HTTP request; the desk records its result under this id.",
                  "x-parser-schema-id": "\u003canonymous-schema-83>"
                },
                "handoffId": {
                  "type": "string",
                  "x-parser-schema-id": "\u003canonymous-schema-84>"
                },
                "leadId": {
                  "type": "string",
                  "x-parser-schema-id": "\u003canonymous-schema-85>"
                },
                "response": {
                  "type": "string",
                  "enum": [
                    "ACCEPT",
                    "REJECT",
                    "OTHER"
                  ],
                  "default": "OTHER",
                  "x-parser-schema-id": "\u003canonymous-schema-86>"
                },
                "reasonCode": {
                  "oneOf": [
                    {
                      "type": "string",
                      "x-parser-schema-id": "\u003canonymous-schema-88>"
                    },
                    {
                      "type": "null",
                      "x-parser-schema-id": "\u003canonymous-schema-89>"
                    }
                  ],
                  "description": "On REJECT: a HandoffRejectionReason symbol (NOT_A_FIT, NO_BUDGET, BAD_TIMING, UNREACHABLE, DUPLICATE, OTHER).",
                  "default": null,
                  "x-parser-schema-id": "\u003canonymous-schema-87>"
                },
                "note": {
                  "oneOf": [
                    {
                      "type": "string",
                      "x-parser-schema-id": "\u003canonymous-schema-91>"
                    },
                    {
                      "type": "null",
                      "x-parser-schema-id": "\u003canonymous-schema-92>"
                    }
                  ],
                  "default": null,
                  "x-parser-schema-id": "\u003canonymous-schema-90>"
                },
                "submittedAt": {
                  "type": "integer",
                  "minimum": -9223372036854776000,
                  "maximum": 9223372036854776000,
                  "x-parser-schema-id": "\u003canonymous-schema-93>"
                }
              },
              "description": "A closer answered a handoff over routing-service's HTTP API (accept or reject); written by routing-service to lead.handoff-responses and applied by its routing desk, which records the outcome on lead.handoff-outcomes.",
              "x-parser-schema-id": "io.leadpipeline.events.HandoffResponseSubmitted"
            },
            "x-parser-original-payload": {
              "type": "record",
              "name": "HandoffResponseSubmitted",
              "namespace": "io.leadpipeline.events",
              "doc": "A closer answered a handoff over routing-service's HTTP API (accept or reject); written by routing-service to lead.handoff-responses and applied by its routing desk, which records the outcome on lead.handoff-outcomes.",
              "fields": [
                {
                  "name": "commandId",
                  "type": "string",
                  "doc": "Unique per HTTP request; the desk records its result under this id."
                },
                {
                  "name": "handoffId",
                  "type": "string"
                },
                {
                  "name": "leadId",
                  "type": "string"
                },
                {
                  "name": "response",
                  "type": {
                    "type": "enum",
                    "name": "HandoffResponse",
                    "symbols": "$ref:$.channels.handoffResponses.messages.HandoffResponseSubmitted.payload.schema.properties.response.enum",
                    "default": "OTHER"
                  }
                },
                {
                  "name": "reasonCode",
                  "type": [
                    "null",
                    "string"
                  ],
                  "default": null,
                  "doc": "On REJECT: a HandoffRejectionReason symbol (NOT_A_FIT, NO_BUDGET, BAD_TIMING, UNREACHABLE, DUPLICATE, OTHER)."
                },
                {
                  "name": "note",
                  "type": [
                    "null",
                    "string"
                  ],
                  "default": null
                },
                {
                  "name": "submittedAt",
                  "type": {
                    "type": "long",
                    "logicalType": "timestamp-millis"
                  }
                }
              ]
            }
          },
          "examples": [
            {
              "summary": "Record key 7372ec3c-3198-5627-954c-3cdd6b1ae3bb (lead id of jane.doe@acme-robotics.example)",
              "payload": {
                "response": "REJECT",
                "reasonCode": "NO_BUDGET",
                "note": "Budget frozen until Q3"
              }
            }
          ],
          "x-parser-unique-object-id": "HandoffResponseSubmitted"
        }
      },
      "x-parser-unique-object-id": "handoffResponses"
    },
    "handoffResponsesDeadLetters": {
      "address": "lead.handoff-responses.dlq",
      "description": "Records of lead.handoff-responses routing could not read.",
      "x-writer": [
        "routing-service"
      ],
      "x-readers": [
        "ops-console"
      ],
      "x-external-readers": [
        "./pipeline dlq"
      ],
      "messages": {
        "DeadLetter": "$ref:$.channels.conversionsDeadLetters.messages.DeadLetter"
      },
      "x-parser-unique-object-id": "handoffResponsesDeadLetters"
    },
    "closerAvailability": {
      "address": "lead.closer-availability",
      "description": "Closers' availability (active, out of office until). Compacted; key = closer id, not lead id.",
      "x-writer": "routing-service",
      "x-readers": [
        "routing-service",
        "ops-console"
      ],
      "messages": {
        "CloserAvailabilityChanged": {
          "name": "CloserAvailabilityChanged",
          "bindings": {
            "kafka": {
              "key": {
                "type": "string",
                "description": "closer id: a plain token string (e.g. closer-ava), not a lead id",
                "examples": [
                  "closer-ava"
                ]
              },
              "schemaIdLocation": "payload",
              "schemaIdPayloadEncoding": "confluent",
              "bindingVersion": "0.5.0"
            }
          },
          "payload": {
            "schemaFormat": "application/vnd.apache.avro+json;version=1.9.0",
            "schema": {
              "type": "object",
              "required": [
                "changeId",
                "closerId",
                "changedAt"
              ],
              "properties": {
                "changeId": {
                  "type": "string",
                  "x-parser-schema-id": "\u003canonymous-schema-94>"
                },
                "closerId": {
                  "type": "string",
                  "x-parser-schema-id": "\u003canonymous-schema-95>"
                },
                "active": {
                  "type": "boolean",
                  "description": "false takes the closer out of every rotation until set back to true.",
                  "default": true,
                  "x-parser-schema-id": "\u003canonymous-schema-96>"
                },
                "outOfOfficeUntil": {
                  "oneOf": [
                    {
                      "type": "integer",
                      "minimum": -9223372036854776000,
                      "maximum": 9223372036854776000,
                      "x-parser-schema-id": "\u003canonymous-schema-98>"
                    },
                    {
                      "type": "null",
                      "x-parser-schema-id": "\u003canonymous-schema-99>"
                    }
                  ],
                  "description": "No new handoffs before this instant.",
                  "default": null,
                  "x-parser-schema-id": "\u003canonymous-schema-97>"
                },
                "changedAt": {
                  "type": "integer",
                  "minimum": -9223372036854776000,
                  "maximum": 9223372036854776000,
                  "x-parser-schema-id": "\u003canonymous-schema-100>"
                }
              },
              "description": "A closer's availability as last set over routing-service's HTTP API; written by routing-service to the compacted topic lead.closer-availability (key: closer id), so the latest value per closer is kept for ever.",
              "x-parser-schema-id": "io.leadpipeline.events.CloserAvailabilityChanged"
            },
            "x-parser-original-payload": {
              "type": "record",
              "name": "CloserAvailabilityChanged",
              "namespace": "io.leadpipeline.events",
              "doc": "A closer's availability as last set over routing-service's HTTP API; written by routing-service to the compacted topic lead.closer-availability (key: closer id), so the latest value per closer is kept for ever.",
              "fields": [
                {
                  "name": "changeId",
                  "type": "string"
                },
                {
                  "name": "closerId",
                  "type": "string"
                },
                {
                  "name": "active",
                  "type": "boolean",
                  "default": true,
                  "doc": "false takes the closer out of every rotation until set back to true."
                },
                {
                  "name": "outOfOfficeUntil",
                  "type": [
                    "null",
                    {
                      "type": "long",
                      "logicalType": "timestamp-millis"
                    }
                  ],
                  "default": null,
                  "doc": "No new handoffs before this instant."
                },
                {
                  "name": "changedAt",
                  "type": {
                    "type": "long",
                    "logicalType": "timestamp-millis"
                  }
                }
              ]
            }
          },
          "examples": [
            {
              "summary": "Record key closer-ava (closer id)",
              "payload": {
                "active": true,
                "outOfOfficeUntil": "2026-12-01T08:00:00Z"
              }
            }
          ],
          "x-parser-unique-object-id": "CloserAvailabilityChanged"
        }
      },
      "bindings": {
        "kafka": {
          "topicConfiguration": {
            "cleanup.policy": [
              "compact"
            ]
          }
        }
      },
      "x-parser-unique-object-id": "closerAvailability"
    },
    "closerAvailabilityDeadLetters": {
      "address": "lead.closer-availability.dlq",
      "description": "Records of lead.closer-availability routing could not read.",
      "x-writer": [
        "routing-service"
      ],
      "x-readers": [
        "ops-console"
      ],
      "x-external-readers": [
        "./pipeline dlq"
      ],
      "messages": {
        "DeadLetter": "$ref:$.channels.conversionsDeadLetters.messages.DeadLetter"
      },
      "x-parser-unique-object-id": "closerAvailabilityDeadLetters"
    },
    "engagements": {
      "address": "lead.engagements",
      "description": "Activity of known leads (page views, email opens and clicks, webinars, unsubscribes, erasure requests).",
      "x-writer": "capture-service",
      "x-readers": [
        "qualification-service",
        "routing-service",
        "nurture-service",
        "ops-console"
      ],
      "messages": {
        "EngagementTracked": {
          "bindings": {
            "kafka": {
              "key": {
                "type": "string",
                "format": "uuid",
                "description": "lead id: UUID v5 of the trimmed lower-cased email under namespace a9572fda-5c7f-4f0a-bbbe-1c962bb64c8a",
                "examples": "$ref:$.channels.conversions.messages.ConversionCaptured.bindings.kafka.key.examples"
              },
              "schemaIdLocation": "payload",
              "schemaIdPayloadEncoding": "confluent",
              "bindingVersion": "0.5.0"
            }
          },
          "name": "EngagementTracked",
          "traits": [
            "$ref:$.channels.conversions.messages.ConversionCaptured.traits[0]"
          ],
          "payload": {
            "schemaFormat": "application/vnd.apache.avro+json;version=1.9.0",
            "schema": {
              "type": "object",
              "required": [
                "engagementId",
                "leadId",
                "occurredAt",
                "receivedAt",
                "type",
                "detail"
              ],
              "properties": {
                "engagementId": {
                  "type": "string",
                  "x-parser-schema-id": "\u003canonymous-schema-101>"
                },
                "leadId": {
                  "type": "string",
                  "x-parser-schema-id": "\u003canonymous-schema-102>"
                },
                "occurredAt": {
                  "type": "integer",
                  "minimum": -9223372036854776000,
                  "maximum": 9223372036854776000,
                  "x-parser-schema-id": "\u003canonymous-schema-103>"
                },
                "receivedAt": {
                  "type": "integer",
                  "minimum": -9223372036854776000,
                  "maximum": 9223372036854776000,
                  "x-parser-schema-id": "\u003canonymous-schema-104>"
                },
                "type": {
                  "type": "string",
                  "enum": [
                    "PAGE_VIEW",
                    "EMAIL_OPENED",
                    "EMAIL_CLICKED",
                    "WEBINAR_ATTENDED",
                    "CONTENT_DOWNLOADED",
                    "MEETING_BOOKED",
                    "UNSUBSCRIBED",
                    "ERASURE_REQUESTED",
                    "OTHER"
                  ],
                  "default": "OTHER",
                  "x-parser-schema-id": "\u003canonymous-schema-105>"
                },
                "siteId": {
                  "oneOf": [
                    {
                      "type": "string",
                      "x-parser-schema-id": "\u003canonymous-schema-107>"
                    },
                    {
                      "type": "null",
                      "x-parser-schema-id": "\u003canonymous-schema-108>"
                    }
                  ],
                  "default": null,
                  "x-parser-schema-id": "\u003canonymous-schema-106>"
                },
                "detail": {
                  "type": "object",
                  "properties": {
                    "url": {
                      "oneOf": [
                        {
                          "type": "string",
                          "x-parser-schema-id": "\u003canonymous-schema-110>"
                        },
                        {
                          "type": "null",
                          "x-parser-schema-id": "\u003canonymous-schema-111>"
                        }
                      ],
                      "default": null,
                      "x-parser-schema-id": "\u003canonymous-schema-109>"
                    },
                    "campaign": {
                      "oneOf": [
                        {
                          "type": "string",
                          "x-parser-schema-id": "\u003canonymous-schema-113>"
                        },
                        {
                          "type": "null",
                          "x-parser-schema-id": "\u003canonymous-schema-114>"
                        }
                      ],
                      "default": null,
                      "x-parser-schema-id": "\u003canonymous-schema-112>"
                    },
                    "touchId": {
                      "oneOf": [
                        {
                          "type": "string",
                          "x-parser-schema-id": "\u003canonymous-schema-116>"
                        },
                        {
                          "type": "null",
                          "x-parser-schema-id": "\u003canonymous-schema-117>"
                        }
                      ],
                      "description": "The nurture touch this engagement answers, when known.",
                      "default": null,
                      "x-parser-schema-id": "\u003canonymous-schema-115>"
                    },
                    "contentId": {
                      "oneOf": [
                        {
                          "type": "string",
                          "x-parser-schema-id": "\u003canonymous-schema-119>"
                        },
                        {
                          "type": "null",
                          "x-parser-schema-id": "\u003canonymous-schema-120>"
                        }
                      ],
                      "default": null,
                      "x-parser-schema-id": "\u003canonymous-schema-118>"
                    }
                  },
                  "x-parser-schema-id": "EngagementDetail"
                }
              },
              "description": "A known lead did something (viewed a page, opened or clicked an email, ...); written by capture-service to lead.engagements.",
              "x-parser-schema-id": "io.leadpipeline.events.EngagementTracked"
            },
            "x-parser-original-payload": {
              "type": "record",
              "name": "EngagementTracked",
              "namespace": "io.leadpipeline.events",
              "doc": "A known lead did something (viewed a page, opened or clicked an email, ...); written by capture-service to lead.engagements.",
              "fields": [
                {
                  "name": "engagementId",
                  "type": "string"
                },
                {
                  "name": "leadId",
                  "type": "string"
                },
                {
                  "name": "occurredAt",
                  "type": {
                    "type": "long",
                    "logicalType": "timestamp-millis"
                  }
                },
                {
                  "name": "receivedAt",
                  "type": {
                    "type": "long",
                    "logicalType": "timestamp-millis"
                  }
                },
                {
                  "name": "type",
                  "type": {
                    "type": "enum",
                    "name": "EngagementType",
                    "symbols": "$ref:$.channels.engagements.messages.EngagementTracked.payload.schema.properties.type.enum",
                    "default": "OTHER"
                  }
                },
                {
                  "name": "siteId",
                  "type": [
                    "null",
                    "string"
                  ],
                  "default": null
                },
                {
                  "name": "detail",
                  "type": {
                    "type": "record",
                    "name": "EngagementDetail",
                    "fields": [
                      {
                        "name": "url",
                        "type": [
                          "null",
                          "string"
                        ],
                        "default": null
                      },
                      {
                        "name": "campaign",
                        "type": [
                          "null",
                          "string"
                        ],
                        "default": null
                      },
                      {
                        "name": "touchId",
                        "type": [
                          "null",
                          "string"
                        ],
                        "default": null,
                        "doc": "The nurture touch this engagement answers, when known."
                      },
                      {
                        "name": "contentId",
                        "type": [
                          "null",
                          "string"
                        ],
                        "default": null
                      }
                    ]
                  }
                }
              ]
            }
          },
          "examples": [
            {
              "summary": "Record key 7372ec3c-3198-5627-954c-3cdd6b1ae3bb (lead id of jane.doe@acme-robotics.example)",
              "payload": {
                "type": "PAGE_VIEW",
                "detail": {
                  "url": "https://www.example.com/pricing"
                }
              }
            }
          ],
          "x-parser-unique-object-id": "EngagementTracked"
        }
      },
      "x-parser-unique-object-id": "engagements"
    },
    "nurtureEnrollments": {
      "address": "lead.nurture-enrollments",
      "description": "Enrollments starting and ending. One envelope record whose `change` is the union NurtureEnrolled | NurtureExited; an exit's `reason` is QUALIFIED, HANDED_OFF, UNSUBSCRIBED, COMPLETED, ERASED or DISQUALIFIED (a DISQUALIFIED_* decision ended it; no touch of that enrollment follows).",
      "x-writer": "nurture-service",
      "x-readers": [
        "qualification-service",
        "ops-console"
      ],
      "x-external-readers": [
        "email platform"
      ],
      "messages": {
        "NurtureEnrollmentChanged": {
          "bindings": {
            "kafka": {
              "key": {
                "type": "string",
                "format": "uuid",
                "description": "lead id: UUID v5 of the trimmed lower-cased email under namespace a9572fda-5c7f-4f0a-bbbe-1c962bb64c8a",
                "examples": "$ref:$.channels.conversions.messages.ConversionCaptured.bindings.kafka.key.examples"
              },
              "schemaIdLocation": "payload",
              "schemaIdPayloadEncoding": "confluent",
              "bindingVersion": "0.5.0"
            }
          },
          "name": "NurtureEnrollmentChanged",
          "traits": [
            "$ref:$.channels.conversions.messages.ConversionCaptured.traits[0]"
          ],
          "payload": {
            "schemaFormat": "application/vnd.apache.avro+json;version=1.9.0",
            "schema": {
              "type": "object",
              "required": [
                "eventId",
                "leadId",
                "occurredAt",
                "change"
              ],
              "properties": {
                "eventId": {
                  "type": "string",
                  "x-parser-schema-id": "\u003canonymous-schema-121>"
                },
                "leadId": {
                  "type": "string",
                  "x-parser-schema-id": "\u003canonymous-schema-122>"
                },
                "occurredAt": {
                  "type": "integer",
                  "minimum": -9223372036854776000,
                  "maximum": 9223372036854776000,
                  "x-parser-schema-id": "\u003canonymous-schema-123>"
                },
                "change": {
                  "oneOf": [
                    {
                      "x-parser-schema-id": "\u003canonymous-schema-125>"
                    },
                    {
                      "x-parser-schema-id": "\u003canonymous-schema-126>"
                    }
                  ],
                  "x-parser-schema-id": "\u003canonymous-schema-124>"
                },
                "rulesVersion": {
                  "oneOf": [
                    {
                      "type": "string",
                      "x-parser-schema-id": "\u003canonymous-schema-128>"
                    },
                    {
                      "type": "null",
                      "x-parser-schema-id": "\u003canonymous-schema-129>"
                    }
                  ],
                  "description": "Version of the nurture rules (lead.rules, key nurture) the change was made under; null on changes from before rules were versioned.",
                  "default": null,
                  "x-parser-schema-id": "\u003canonymous-schema-127>"
                }
              },
              "description": "The one value schema of lead.nurture-enrollments: an enrollment started (NurtureEnrolled) or ended (NurtureExited).",
              "x-parser-schema-id": "io.leadpipeline.events.NurtureEnrollmentChanged"
            },
            "x-parser-original-payload": {
              "type": "record",
              "name": "NurtureEnrollmentChanged",
              "namespace": "io.leadpipeline.events",
              "doc": "The one value schema of lead.nurture-enrollments: an enrollment started (NurtureEnrolled) or ended (NurtureExited).",
              "fields": [
                {
                  "name": "eventId",
                  "type": "string"
                },
                {
                  "name": "leadId",
                  "type": "string"
                },
                {
                  "name": "occurredAt",
                  "type": {
                    "type": "long",
                    "logicalType": "timestamp-millis"
                  }
                },
                {
                  "name": "change",
                  "type": [
                    "io.leadpipeline.events.NurtureEnrolled",
                    "io.leadpipeline.events.NurtureExited"
                  ]
                },
                {
                  "name": "rulesVersion",
                  "type": [
                    "null",
                    "string"
                  ],
                  "default": null,
                  "doc": "Version of the nurture rules (lead.rules, key nurture) the change was made under; null on changes from before rules were versioned."
                }
              ]
            }
          },
          "examples": [
            {
              "summary": "Record key 0eea0390-0c66-55f9-bbc5-539d59fd1c42 (lead id)",
              "payload": {
                "change": {
                  "track": "education",
                  "reason": "NOT_A_FIT",
                  "cycle": 1,
                  "suppressed": false
                }
              }
            },
            {
              "summary": "Record key 0eea0390-0c66-55f9-bbc5-539d59fd1c42 (lead id)",
              "payload": {
                "change": {
                  "track": "education",
                  "reason": "DISQUALIFIED",
                  "cycle": 1
                }
              }
            }
          ],
          "x-parser-unique-object-id": "NurtureEnrollmentChanged"
        }
      },
      "x-parser-unique-object-id": "nurtureEnrollments"
    },
    "nurtureTouches": {
      "address": "lead.nurture-touches",
      "description": "Nurture steps that are due; the email platform sends them and reports engagement back through capture.",
      "x-writer": "nurture-service",
      "x-readers": [
        "ops-console"
      ],
      "x-external-readers": [
        "email platform"
      ],
      "messages": {
        "NurtureTouchDue": {
          "bindings": {
            "kafka": {
              "key": {
                "type": "string",
                "format": "uuid",
                "description": "lead id: UUID v5 of the trimmed lower-cased email under namespace a9572fda-5c7f-4f0a-bbbe-1c962bb64c8a",
                "examples": "$ref:$.channels.conversions.messages.ConversionCaptured.bindings.kafka.key.examples"
              },
              "schemaIdLocation": "payload",
              "schemaIdPayloadEncoding": "confluent",
              "bindingVersion": "0.5.0"
            }
          },
          "name": "NurtureTouchDue",
          "traits": [
            "$ref:$.channels.conversions.messages.ConversionCaptured.traits[0]"
          ],
          "payload": {
            "schemaFormat": "application/vnd.apache.avro+json;version=1.9.0",
            "schema": {
              "type": "object",
              "required": [
                "touchId",
                "enrollmentId",
                "leadId",
                "track",
                "step",
                "template",
                "channel",
                "dueAt",
                "recipient"
              ],
              "properties": {
                "touchId": {
                  "type": "string",
                  "x-parser-schema-id": "\u003canonymous-schema-130>"
                },
                "enrollmentId": {
                  "type": "string",
                  "x-parser-schema-id": "\u003canonymous-schema-131>"
                },
                "leadId": {
                  "type": "string",
                  "x-parser-schema-id": "\u003canonymous-schema-132>"
                },
                "track": {
                  "type": "string",
                  "x-parser-schema-id": "\u003canonymous-schema-133>"
                },
                "step": {
                  "type": "integer",
                  "minimum": -2147483648,
                  "maximum": 2147483647,
                  "x-parser-schema-id": "\u003canonymous-schema-134>"
                },
                "template": {
                  "type": "string",
                  "x-parser-schema-id": "\u003canonymous-schema-135>"
                },
                "channel": {
                  "type": "string",
                  "enum": [
                    "EMAIL"
                  ],
                  "x-parser-schema-id": "\u003canonymous-schema-136>"
                },
                "dueAt": {
                  "type": "integer",
                  "minimum": -9223372036854776000,
                  "maximum": 9223372036854776000,
                  "x-parser-schema-id": "\u003canonymous-schema-137>"
                },
                "recipient": {
                  "type": "object",
                  "required": [
                    "email"
                  ],
                  "properties": {
                    "email": {
                      "type": "string",
                      "x-parser-schema-id": "\u003canonymous-schema-138>"
                    },
                    "firstName": {
                      "oneOf": [
                        {
                          "type": "string",
                          "x-parser-schema-id": "\u003canonymous-schema-140>"
                        },
                        {
                          "type": "null",
                          "x-parser-schema-id": "\u003canonymous-schema-141>"
                        }
                      ],
                      "default": null,
                      "x-parser-schema-id": "\u003canonymous-schema-139>"
                    },
                    "lastName": {
                      "oneOf": [
                        {
                          "type": "string",
                          "x-parser-schema-id": "\u003canonymous-schema-143>"
                        },
                        {
                          "type": "null",
                          "x-parser-schema-id": "\u003canonymous-schema-144>"
                        }
                      ],
                      "default": null,
                      "x-parser-schema-id": "\u003canonymous-schema-142>"
                    },
                    "country": {
                      "oneOf": [
                        {
                          "type": "string",
                          "x-parser-schema-id": "\u003canonymous-schema-146>"
                        },
                        {
                          "type": "null",
                          "x-parser-schema-id": "\u003canonymous-schema-147>"
                        }
                      ],
                      "default": null,
                      "x-parser-schema-id": "\u003canonymous-schema-145>"
                    }
                  },
                  "x-parser-schema-id": "TouchRecipient"
                },
                "rulesVersion": {
                  "oneOf": [
                    {
                      "type": "string",
                      "x-parser-schema-id": "\u003canonymous-schema-149>"
                    },
                    {
                      "type": "null",
                      "x-parser-schema-id": "\u003canonymous-schema-150>"
                    }
                  ],
                  "description": "Version of the nurture rules (lead.rules, key nurture) the touch was scheduled under; null on touches from before rules were versioned.",
                  "default": null,
                  "x-parser-schema-id": "\u003canonymous-schema-148>"
                }
              },
              "description": "A nurture step is due: the email platform sends it; written by nurture-service to lead.nurture-touches.",
              "x-parser-schema-id": "io.leadpipeline.events.NurtureTouchDue"
            },
            "x-parser-original-payload": {
              "type": "record",
              "name": "NurtureTouchDue",
              "namespace": "io.leadpipeline.events",
              "doc": "A nurture step is due: the email platform sends it; written by nurture-service to lead.nurture-touches.",
              "fields": [
                {
                  "name": "touchId",
                  "type": "string"
                },
                {
                  "name": "enrollmentId",
                  "type": "string"
                },
                {
                  "name": "leadId",
                  "type": "string"
                },
                {
                  "name": "track",
                  "type": "string"
                },
                {
                  "name": "step",
                  "type": "int"
                },
                {
                  "name": "template",
                  "type": "string"
                },
                {
                  "name": "channel",
                  "type": {
                    "type": "enum",
                    "name": "TouchChannel",
                    "symbols": "$ref:$.channels.nurtureTouches.messages.NurtureTouchDue.payload.schema.properties.channel.enum"
                  }
                },
                {
                  "name": "dueAt",
                  "type": {
                    "type": "long",
                    "logicalType": "timestamp-millis"
                  }
                },
                {
                  "name": "recipient",
                  "type": {
                    "type": "record",
                    "name": "TouchRecipient",
                    "fields": [
                      {
                        "name": "email",
                        "type": "string"
                      },
                      {
                        "name": "firstName",
                        "type": [
                          "null",
                          "string"
                        ],
                        "default": null
                      },
                      {
                        "name": "lastName",
                        "type": [
                          "null",
                          "string"
                        ],
                        "default": null
                      },
                      {
                        "name": "country",
                        "type": [
                          "null",
                          "string"
                        ],
                        "default": null
                      }
                    ]
                  }
                },
                {
                  "name": "rulesVersion",
                  "type": [
                    "null",
                    "string"
                  ],
                  "default": null,
                  "doc": "Version of the nurture rules (lead.rules, key nurture) the touch was scheduled under; null on touches from before rules were versioned."
                }
              ]
            }
          },
          "examples": [
            {
              "summary": "Record key 0eea0390-0c66-55f9-bbc5-539d59fd1c42 (lead id)",
              "payload": {
                "track": "education",
                "step": 1,
                "template": "edu-welcome",
                "channel": "EMAIL"
              }
            }
          ],
          "x-parser-unique-object-id": "NurtureTouchDue"
        }
      },
      "x-parser-unique-object-id": "nurtureTouches"
    },
    "engagementsDeadLetters": {
      "address": "lead.engagements.dlq",
      "description": "Records of lead.engagements qualification-service / routing-service / nurture-service could not read or use (routing only its erasure requests), unchanged, with the reason in headers.",
      "x-writer": [
        "qualification-service",
        "routing-service",
        "nurture-service"
      ],
      "x-readers": [
        "ops-console"
      ],
      "x-external-readers": [
        "./pipeline dlq"
      ],
      "messages": {
        "DeadLetter": "$ref:$.channels.conversionsDeadLetters.messages.DeadLetter"
      },
      "x-parser-unique-object-id": "engagementsDeadLetters"
    },
    "handoffOutcomesDeadLetters": {
      "address": "lead.handoff-outcomes.dlq",
      "description": "Records of lead.handoff-outcomes qualification-service / nurture-service could not read or use, unchanged, with the reason in headers.",
      "x-writer": [
        "qualification-service",
        "nurture-service"
      ],
      "x-readers": [
        "ops-console"
      ],
      "x-external-readers": [
        "./pipeline dlq"
      ],
      "messages": {
        "DeadLetter": "$ref:$.channels.conversionsDeadLetters.messages.DeadLetter"
      },
      "x-parser-unique-object-id": "handoffOutcomesDeadLetters"
    },
    "nurtureEnrollmentsDeadLetters": {
      "address": "lead.nurture-enrollments.dlq",
      "description": "Records of lead.nurture-enrollments qualification-service could not read or use, unchanged, with the reason in headers.",
      "x-writer": [
        "qualification-service"
      ],
      "x-readers": [
        "ops-console"
      ],
      "x-external-readers": [
        "./pipeline dlq"
      ],
      "messages": {
        "DeadLetter": "$ref:$.channels.conversionsDeadLetters.messages.DeadLetter"
      },
      "x-parser-unique-object-id": "nurtureEnrollmentsDeadLetters"
    },
    "deadLetterReplays": {
      "address": "lead.dlq-replays",
      "description": "Compacted markers of dead letters already replayed (key = dlqTopic:partition:offset), so each is replayed once.",
      "x-writer": "./pipeline dlq replay",
      "x-readers": [
        "ops-console"
      ],
      "x-external-readers": [
        "./pipeline dlq"
      ],
      "messages": {
        "DeadLetterReplayed": {
          "name": "DeadLetterReplayed",
          "contentType": "text/plain",
          "bindings": {
            "kafka": {
              "key": {
                "type": "string",
                "pattern": "^.+:[0-9]+:[0-9]+$",
                "description": "dlqTopic:partition:offset of the dead letter that was replayed",
                "examples": [
                  "lead.conversions.dlq:0:42"
                ]
              },
              "bindingVersion": "0.5.0"
            }
          },
          "payload": {
            "type": "string",
            "description": "When the dead letter was replayed (ISO-8601); the key is dlqTopic:partition:offset.",
            "x-parser-schema-id": "\u003canonymous-schema-151>"
          },
          "x-parser-unique-object-id": "DeadLetterReplayed"
        }
      },
      "bindings": {
        "kafka": {
          "partitions": 1,
          "topicConfiguration": {
            "cleanup.policy": [
              "compact"
            ]
          }
        }
      },
      "x-parser-unique-object-id": "deadLetterReplays"
    },
    "rules": {
      "address": "lead.rules",
      "description": "The business rules as versioned data: compacted, key = the rule set (capture, scoring, routing, nurture), value = its current validated document with version, author, time and history. Each service publishes only the rule sets it owns (through PUT /v1/rules/{ruleSet} or ./pipeline rules apply, or its seed file on a first start), and every instance of every service reads the whole topic from the beginning with assigned partitions (no consumer group, so each instance applies every version; x-assigned-readers) and swaps a new version in within seconds, without a restart. The ops console reads it with every lead.* topic.",
      "x-writer": [
        "capture-service",
        "qualification-service",
        "routing-service",
        "nurture-service"
      ],
      "x-readers": [
        "ops-console"
      ],
      "x-assigned-readers": [
        "capture-service",
        "qualification-service",
        "routing-service",
        "nurture-service"
      ],
      "x-external-readers": [
        "./pipeline rules"
      ],
      "messages": {
        "RulesPublished": {
          "name": "RulesPublished",
          "bindings": {
            "kafka": {
              "key": {
                "type": "string",
                "enum": [
                  "capture",
                  "scoring",
                  "routing",
                  "nurture"
                ],
                "description": "rule set name, not a lead id",
                "examples": [
                  "scoring"
                ]
              },
              "schemaIdLocation": "payload",
              "schemaIdPayloadEncoding": "confluent",
              "bindingVersion": "0.5.0"
            }
          },
          "payload": {
            "schemaFormat": "application/vnd.apache.avro+json;version=1.9.0",
            "schema": {
              "type": "object",
              "required": [
                "ruleSet",
                "version",
                "document",
                "author",
                "publishedAt"
              ],
              "properties": {
                "ruleSet": {
                  "type": "string",
                  "description": "capture, scoring, routing or nurture; the same as the record key.",
                  "x-parser-schema-id": "\u003canonymous-schema-152>"
                },
                "version": {
                  "type": "string",
                  "description": "sha256: and the first 16 hex digits of the document's SHA-256; what decisions, handoffs, enrollments and touches carry as rulesVersion.",
                  "x-parser-schema-id": "\u003canonymous-schema-153>"
                },
                "document": {
                  "type": "string",
                  "description": "The rules document as written (YAML), validated by its owning service before it was published.",
                  "x-parser-schema-id": "\u003canonymous-schema-154>"
                },
                "author": {
                  "type": "string",
                  "description": "Who published it: the subject of the token that applied it, or seed:\u003cfile> for a first start.",
                  "x-parser-schema-id": "\u003canonymous-schema-155>"
                },
                "publishedAt": {
                  "type": "integer",
                  "minimum": -9223372036854776000,
                  "maximum": 9223372036854776000,
                  "x-parser-schema-id": "\u003canonymous-schema-156>"
                },
                "changes": {
                  "type": "array",
                  "items": {
                    "type": "string",
                    "x-parser-schema-id": "\u003canonymous-schema-158>"
                  },
                  "description": "What changed against the previous version, one entry per changed path (e.g. thresholds.sql: 100 -> 90).",
                  "default": [],
                  "x-parser-schema-id": "\u003canonymous-schema-157>"
                },
                "history": {
                  "type": "array",
                  "items": {
                    "type": "object",
                    "required": [
                      "version",
                      "author",
                      "publishedAt"
                    ],
                    "properties": {
                      "version": {
                        "type": "string",
                        "x-parser-schema-id": "\u003canonymous-schema-160>"
                      },
                      "author": {
                        "type": "string",
                        "x-parser-schema-id": "\u003canonymous-schema-161>"
                      },
                      "publishedAt": {
                        "type": "integer",
                        "minimum": -9223372036854776000,
                        "maximum": 9223372036854776000,
                        "x-parser-schema-id": "\u003canonymous-schema-162>"
                      },
                      "changes": {
                        "type": "array",
                        "items": {
                          "type": "string",
                          "x-parser-schema-id": "\u003canonymous-schema-164>"
                        },
                        "default": [],
                        "x-parser-schema-id": "\u003canonymous-schema-163>"
                      }
                    },
                    "x-parser-schema-id": "RulesVersionEntry"
                  },
                  "description": "Earlier versions, newest first (at most 50): compaction keeps only the latest record per rule set, so the history travels in it.",
                  "default": [],
                  "x-parser-schema-id": "\u003canonymous-schema-159>"
                }
              },
              "description": "The one value schema of lead.rules (compacted, key = the rule set: capture, scoring, routing or nurture): the rule set's current, validated document, and the history of its versions.",
              "x-parser-schema-id": "io.leadpipeline.events.RulesPublished"
            },
            "x-parser-original-payload": {
              "type": "record",
              "name": "RulesPublished",
              "namespace": "io.leadpipeline.events",
              "doc": "The one value schema of lead.rules (compacted, key = the rule set: capture, scoring, routing or nurture): the rule set's current, validated document, and the history of its versions.",
              "fields": [
                {
                  "name": "ruleSet",
                  "type": "string",
                  "doc": "capture, scoring, routing or nurture; the same as the record key."
                },
                {
                  "name": "version",
                  "type": "string",
                  "doc": "sha256: and the first 16 hex digits of the document's SHA-256; what decisions, handoffs, enrollments and touches carry as rulesVersion."
                },
                {
                  "name": "document",
                  "type": "string",
                  "doc": "The rules document as written (YAML), validated by its owning service before it was published."
                },
                {
                  "name": "author",
                  "type": "string",
                  "doc": "Who published it: the subject of the token that applied it, or seed:\u003cfile> for a first start."
                },
                {
                  "name": "publishedAt",
                  "type": {
                    "type": "long",
                    "logicalType": "timestamp-millis"
                  }
                },
                {
                  "name": "changes",
                  "type": {
                    "type": "array",
                    "items": "string"
                  },
                  "default": "$ref:$.channels.rules.messages.RulesPublished.payload.schema.properties.changes.default",
                  "doc": "What changed against the previous version, one entry per changed path (e.g. thresholds.sql: 100 -> 90)."
                },
                {
                  "name": "history",
                  "type": {
                    "type": "array",
                    "items": {
                      "type": "record",
                      "name": "RulesVersionEntry",
                      "fields": [
                        {
                          "name": "version",
                          "type": "string"
                        },
                        {
                          "name": "author",
                          "type": "string"
                        },
                        {
                          "name": "publishedAt",
                          "type": {
                            "type": "long",
                            "logicalType": "timestamp-millis"
                          }
                        },
                        {
                          "name": "changes",
                          "type": {
                            "type": "array",
                            "items": "string"
                          },
                          "default": "$ref:$.channels.rules.messages.RulesPublished.payload.schema.properties.history.items.properties.changes.default"
                        }
                      ]
                    }
                  },
                  "default": "$ref:$.channels.rules.messages.RulesPublished.payload.schema.properties.history.default",
                  "doc": "Earlier versions, newest first (at most 50): compaction keeps only the latest record per rule set, so the history travels in it."
                }
              ]
            }
          },
          "examples": [
            {
              "summary": "Record key scoring",
              "payload": {
                "ruleSet": "scoring",
                "version": "sha256:3f1c2a9d0b7e4c11",
                "document": "thresholds:\n  mql: 40\n  sql: 90\n",
                "author": "sales-ops-lead",
                "publishedAt": 1764763200000,
                "changes": [
                  "thresholds.sql: 100 -> 90"
                ],
                "history": [
                  {
                    "version": "sha256:9e0d4b7a51c2f803",
                    "author": "seed:scoring.yaml",
                    "publishedAt": 1764676800000,
                    "changes": []
                  }
                ]
              }
            }
          ],
          "x-parser-unique-object-id": "RulesPublished"
        }
      },
      "bindings": {
        "kafka": {
          "topicConfiguration": {
            "cleanup.policy": [
              "compact"
            ]
          }
        }
      },
      "x-parser-unique-object-id": "rules"
    }
  },
  "operations": {
    "captureConversion": {
      "action": "send",
      "channel": "$ref:$.channels.conversions",
      "x-parser-unique-object-id": "captureConversion"
    },
    "decideQualification": {
      "action": "send",
      "channel": "$ref:$.channels.decisions",
      "x-parser-unique-object-id": "decideQualification"
    },
    "handOff": {
      "action": "send",
      "channel": "$ref:$.channels.handoffs",
      "x-parser-unique-object-id": "handOff"
    },
    "recordHandoffOutcome": {
      "action": "send",
      "channel": "$ref:$.channels.handoffOutcomes",
      "x-parser-unique-object-id": "recordHandoffOutcome"
    },
    "submitHandoffResponse": {
      "action": "send",
      "channel": "$ref:$.channels.handoffResponses",
      "x-parser-unique-object-id": "submitHandoffResponse"
    },
    "changeCloserAvailability": {
      "action": "send",
      "channel": "$ref:$.channels.closerAvailability",
      "x-parser-unique-object-id": "changeCloserAvailability"
    },
    "trackEngagement": {
      "action": "send",
      "channel": "$ref:$.channels.engagements",
      "x-parser-unique-object-id": "trackEngagement"
    },
    "changeNurtureEnrollment": {
      "action": "send",
      "channel": "$ref:$.channels.nurtureEnrollments",
      "x-parser-unique-object-id": "changeNurtureEnrollment"
    },
    "scheduleNurtureTouch": {
      "action": "send",
      "channel": "$ref:$.channels.nurtureTouches",
      "x-parser-unique-object-id": "scheduleNurtureTouch"
    },
    "publishRules": {
      "action": "send",
      "channel": "$ref:$.channels.rules",
      "x-parser-unique-object-id": "publishRules"
    }
  },
  "components": {
    "messageTraits": {
      "leadKeyed": "$ref:$.channels.conversions.messages.ConversionCaptured.traits[0]"
    },
    "messages": {
      "ConversionCaptured": "$ref:$.channels.conversions.messages.ConversionCaptured",
      "EngagementTracked": "$ref:$.channels.engagements.messages.EngagementTracked",
      "QualificationDecided": "$ref:$.channels.decisions.messages.QualificationDecided",
      "LeadHandedOff": "$ref:$.channels.handoffs.messages.LeadHandedOff",
      "HandoffOutcomeRecorded": "$ref:$.channels.handoffOutcomes.messages.HandoffOutcomeRecorded",
      "NurtureEnrollmentChanged": "$ref:$.channels.nurtureEnrollments.messages.NurtureEnrollmentChanged",
      "NurtureTouchDue": "$ref:$.channels.nurtureTouches.messages.NurtureTouchDue",
      "HandoffResponseSubmitted": "$ref:$.channels.handoffResponses.messages.HandoffResponseSubmitted",
      "CloserAvailabilityChanged": "$ref:$.channels.closerAvailability.messages.CloserAvailabilityChanged",
      "DeadLetter": "$ref:$.channels.conversionsDeadLetters.messages.DeadLetter",
      "DeadLetterReplayed": "$ref:$.channels.deadLetterReplays.messages.DeadLetterReplayed",
      "RulesPublished": "$ref:$.channels.rules.messages.RulesPublished"
    }
  },
  "x-parser-spec-parsed": true,
  "x-parser-api-version": 3,
  "x-parser-spec-stringified": true
};
const config = {"show":{"sidebar":true,"messageExamples":true},"sidebar":{"showOperations":"byDefault"}};
AsyncApiStandalone.render({ schema, config }, document.getElementById('root'));
