import { SKILL_NAME_PATTERN, createValidator, type JsonSchema, type Validator } from '../../core/index.js';
import type { HistoryEvent, PublishInput, SkillVersionRecord } from './skill-record.js';

const stringArray = { type: 'array', items: { type: 'string' } };
const schemaValue = { type: ['object', 'boolean'] };
const status = { enum: ['draft', 'verified', 'active', 'deprecated'] };
const positiveInteger = { type: 'integer', minimum: 1 };

const caseSchema = {
  type: 'object',
  required: ['trajectoryId', 'input', 'calls', 'expectedFrom'],
  properties: {
    trajectoryId: { type: 'string' },
    calls: {
      type: 'array',
      items: {
        type: 'object',
        required: ['tool', 'args'],
        properties: { tool: { type: 'string' }, error: { type: 'string' } },
      },
    },
    expectedFrom: { enum: ['answer', 'replay'] },
  },
};

const compiledProperties = {
  name: { type: 'string', pattern: SKILL_NAME_PATTERN },
  description: { type: 'string' },
  source: { type: 'string', minLength: 1 },
  bundle: { type: 'string' },
  sourcemap: { type: 'string' },
  inputSchema: schemaValue,
  outputSchema: schemaValue,
  permissions: stringArray,
  imports: stringArray,
  diagnostics: {
    type: 'array',
    items: {
      type: 'object',
      required: ['message', 'severity'],
      properties: { message: { type: 'string' }, severity: { enum: ['error', 'warning'] } },
    },
  },
  verification: {
    type: 'object',
    required: ['isVerified', 'reports'],
    properties: {
      isVerified: { type: 'boolean' },
      reports: {
        type: 'array',
        items: {
          type: 'object',
          required: ['trajectoryId', 'ok'],
          properties: { trajectoryId: { type: 'string' }, ok: { type: 'boolean' } },
        },
      },
    },
  },
  provenance: {
    type: 'object',
    required: ['trajectoryIds', 'compiler'],
    properties: {
      trajectoryIds: stringArray,
      tasks: stringArray,
      compiler: { type: 'string' },
      model: { type: 'string' },
      promptHash: { type: 'string' },
      parentVersion: positiveInteger,
      attempts: { type: 'array' },
      leftOut: {
        type: 'array',
        items: {
          type: 'object',
          required: ['trajectoryId', 'step', 'tool', 'reason'],
          properties: {
            trajectoryId: { type: 'string' },
            step: positiveInteger,
            tool: { type: 'string' },
            reason: { type: 'string' },
            error: { type: 'string' },
          },
        },
      },
      proposal: {
        type: 'object',
        required: ['by', 'runs', 'minRuns', 'at'],
        properties: {
          by: { type: 'string' },
          runs: positiveInteger,
          minRuns: positiveInteger,
          distinctTasks: positiveInteger,
          at: { type: 'string' },
        },
      },
    },
  },
  secretParameters: stringArray,
  toolSchemas: {
    type: 'array',
    items: {
      type: 'object',
      required: ['name', 'inputSchema'],
      properties: { name: { type: 'string' }, inputSchema: schemaValue, outputSchema: schemaValue },
    },
  },
  evidence: {
    type: 'object',
    required: ['verifiedInputs', 'assumptions'],
    properties: {
      verifiedInputs: { type: 'integer', minimum: 0 },
      assumptions: {
        type: 'array',
        items: {
          type: 'object',
          required: ['subject', 'reason'],
          properties: { subject: { type: 'string' }, reason: { type: 'string' } },
        },
      },
      leaveOneOut: {
        type: 'object',
        required: ['reproduced', 'total', 'failures'],
        properties: {
          reproduced: { type: 'integer', minimum: 0 },
          total: { type: 'integer', minimum: 0 },
          compiler: { enum: ['trace', 'model'] },
          failures: {
            type: 'array',
            items: {
              type: 'object',
              required: ['trajectoryId', 'reason'],
              properties: { trajectoryId: { type: 'string' }, reason: { type: 'string' } },
            },
          },
        },
      },
    },
  },
  reviewNotes: { type: 'string' },
  // Optional: versions published before cases (or tool schemas) were recorded lack them.
  cases: { type: 'array', items: caseSchema },
};
const compiledRequired = [
  'name',
  'description',
  'source',
  'bundle',
  'inputSchema',
  'outputSchema',
  'permissions',
  'imports',
  'diagnostics',
  'verification',
  'provenance',
  'secretParameters',
];

const publishInputSchema: JsonSchema = {
  type: 'object',
  required: compiledRequired,
  properties: { ...compiledProperties, status },
};

const recordSchema: JsonSchema = {
  type: 'object',
  required: [...compiledRequired, 'version', 'contentHash', 'initialStatus', 'createdAt'],
  properties: {
    ...compiledProperties,
    version: positiveInteger,
    contentHash: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
    initialStatus: status,
    createdAt: { type: 'string' },
  },
};

const maturities = ['deliberate', 'supervised', 'autonomous'];

const eventSchema: JsonSchema = {
  type: 'object',
  required: ['number', 'kind', 'version', 'by', 'at'],
  properties: {
    number: positiveInteger,
    kind: { enum: ['published', 'status-changed', 'reviewed', 'rolled-back', 'flagged', 'maturity-changed'] },
    version: positiveInteger,
    status,
    previousStatus: status,
    supersedes: positiveInteger,
    decision: { enum: ['approve', 'reject'] },
    maturity: { enum: maturities },
    previousMaturity: { enum: maturities },
    needsRefinement: { type: 'boolean' },
    evidence: {
      type: 'array',
      items: {
        type: 'object',
        required: ['kind', 'passed', 'total'],
        properties: {
          kind: { enum: ['leave-one-out', 'outcome-reports', 'production-runs'] },
          passed: { type: 'integer', minimum: 0 },
          total: { type: 'integer', minimum: 0 },
        },
      },
    },
    by: { type: 'string' },
    at: { type: 'string' },
    note: { type: 'string' },
  },
};

export const validatePublishInput: Validator<PublishInput> =
  createValidator<PublishInput>(publishInputSchema);
export const validateRecord: Validator<SkillVersionRecord> =
  createValidator<SkillVersionRecord>(recordSchema);
export const validateEvent: Validator<HistoryEvent> = createValidator<HistoryEvent>(eventSchema);
