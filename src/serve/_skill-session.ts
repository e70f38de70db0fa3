import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type * as SdkServerModule from '@modelcontextprotocol/sdk/server/index.js';
import type * as SdkTypesModule from '@modelcontextprotocol/sdk/types.js';
import { KnackError, safeParseJson, stableJson } from '../../core/index.js';
import type { Limits, ToolPack } from '../../sandbox/index.js';
import { callSkill, restrictTools } from '../call-skill.js';
import type { SkillStore, SkillVersion } from '../store/index.js';
import { confirmDestructiveTools, type ConfirmToolCall } from './_confirm-tools.js';
import { failedRunText } from './_run-result-text.js';
import { readServedRef } from './_served-version.js';
import type { SkillCatalog } from './_skill-catalog.js';
import { builtInTools, reliabilityLine, skillTool } from './_skill-tools.js';
import { skillAnnotations } from './_tool-effects.js';
import type { ServePolicy } from './serve-policy.js';

type SdkServer = typeof SdkServerModule;
type SdkTypes = typeof SdkTypesModule;

/** What every session of one server shares. */
export interface SessionContext {
  store: SkillStore;
  catalog: SkillCatalog;
  tools: ToolPack;
  policy: ServePolicy;
  confirm: 'none' | 'destructive';
  limits?: Limits;
  serverVersion: string;
  sdk: { server: SdkServer; types: SdkTypes };
}

interface ToolResult {
  [key: string]: unknown;
  content: { type: 'text'; text: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

interface CallExtra {
  requestId: string | number;
  signal: AbortSignal;
}

// Arguments shown to the person asked to allow a call; past this, the text is cut.
const maxShownArgs = 1000;

const text = (value: string): ToolResult['content'] => [{ type: 'text', text: value }];

/** A tool result with `isError`, its text starting with the knack code. */
function errorResult(code: string, message: string): ToolResult {
  return { content: text(`${code}: ${message}`), isError: true };
}

function codeOf(error: unknown): string {
  return KnackError.isInstance(error) ? error.code : 'INTERNAL_ERROR';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

// Some clients send an object argument as JSON text (the inspector's --tool-arg does); the
// skill's Input schema still checks whatever this yields.
function inputOf(value: unknown): unknown {
  if (typeof value !== 'string' || !value.trimStart().startsWith('{')) return value;
  const parsed = safeParseJson(value);
  return parsed.ok ? parsed.value : value;
}

const instructions =
  'knack holds skills: procedures compiled from past agent work, type-checked, replay-verified, ' +
  'reviewed by a person, and run in a sandbox with only the tools they were granted. Before planning ' +
  'a task step by step, call search_skills; read a candidate with get_skill; run it with run_skill ' +
  '(or by its own tool name when listed); afterwards call report_outcome with the runId to say ' +
  'whether it did the right thing.';

/** One MCP server (one client connection) over the shared catalog. */
export function createSkillSession(context: SessionContext): Server {
  const { store, catalog } = context;
  const server = new context.sdk.server.Server(
    { name: 'knack', version: context.serverVersion },
    { capabilities: { tools: { listChanged: true } }, instructions },
  );
  const { ListToolsRequestSchema, CallToolRequestSchema } = context.sdk.types;

  const listed = (): ReturnType<typeof skillTool>[] =>
    catalog.exposed().map((skill) => skillTool(skill, context.tools.manifest));

  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: [...builtInTools, ...listed().filter((tool) => tool !== undefined)],
  }));

  // Reads a version and checks the policy; a refusal is a result the agent reads, not a throw.
  const servedVersion = async (ref: string): Promise<SkillVersion | ToolResult> => {
    if (typeof ref !== 'string' || ref === '')
      return errorResult('INVALID_ARGUMENT', '`ref` must be a skill ref.');
    const skill = await readServedRef(store, ref);
    if (!context.policy(skill))
      return errorResult(
        'REVIEW_REQUIRED',
        `${skill.name}@${skill.version} is ${skill.status}${skill.review ? `, review: ${skill.review.decision}` : ', not reviewed'}; this server lists and runs only the versions its policy allows (default: reviewed, active ones).`,
      );
    return skill;
  };

  const confirmCall =
    (extra: CallExtra): ConfirmToolCall =>
    async ({ ref, tool, args, signal }) => {
      // No way to ask is no consent: the call does not happen.
      if (!server.getClientCapabilities()?.elicitation)
        throw new KnackError(
          'DECLINED',
          'the client cannot ask its user (it declared no elicitation capability).',
        );
      const shown = JSON.stringify(args) ?? 'no arguments';
      const message = `${ref} wants to call \`${tool.name}\`${tool.description ? ` (${tool.description})` : ''} with ${shown.length > maxShownArgs ? `${shown.slice(0, maxShownArgs)}…` : shown}. Allow it?`;
      let answer;
      try {
        answer = await server.elicitInput(
          { message, requestedSchema: { type: 'object', properties: {} } },
          { relatedRequestId: extra.requestId, signal },
        );
      } catch (error) {
        throw new KnackError('DECLINED', `no answer from the user: ${messageOf(error)}`, { cause: error });
      }
      return answer.action === 'accept';
    };

  // `isOwnTool`: called by the skill's own tool name, whose outputSchema is the skill's Output, so
  // structuredContent is the value itself; the runId rides in `_meta` and the text.
  const run = async (
    skill: SkillVersion,
    input: unknown,
    extra: CallExtra,
    isOwnTool = false,
  ): Promise<ToolResult> => {
    const ref = `${skill.name}@${skill.version}`;
    let tools = context.tools;
    if (context.confirm === 'destructive') {
      tools = confirmDestructiveTools(
        restrictTools({ tools, permissions: skill.permissions, ref }),
        ref,
        confirmCall(extra),
      );
    }
    const result = await callSkill({
      store,
      ref,
      input,
      tools,
      signal: extra.signal,
      ...(context.limits ? { limits: context.limits } : {}),
    });
    const meta = { 'knack/ref': result.ref, ...(result.runId ? { 'knack/runId': result.runId } : {}) };
    if (!result.ok)
      return { content: text(failedRunText(result, context.tools.manifest)), isError: true, _meta: meta };
    return {
      content: text(
        `${JSON.stringify(result.value)}\nrunId: ${result.runId ?? '(not recorded)'} (${result.ref})`,
      ),
      structuredContent:
        isOwnTool && typeof result.value === 'object' && result.value !== null && !Array.isArray(result.value)
          ? (result.value as Record<string, unknown>)
          : { ref: result.ref, runId: result.runId, value: result.value },
      _meta: meta,
    };
  };

  const describe = (skill: SkillVersion): Record<string, unknown> => ({
    ref: `${skill.name}@${skill.version}`,
    name: skill.name,
    version: skill.version,
    description: skill.description,
    status: skill.status,
    review: skill.review ?? null,
    maturity: skill.maturity,
    // How far it generalizes: distinct inputs verified, assumptions, leave-one-out k/n.
    evidence: skill.evidence ?? null,
    permissions: skill.permissions,
    annotations: skillAnnotations(skill.permissions, context.tools.manifest),
    inputSchema: skill.inputSchema,
    outputSchema: skill.outputSchema,
    source: skill.source,
    imports: skill.imports,
    provenance: skill.provenance,
    verification: skill.verification,
    reliability: skill.reliability,
    createdAt: skill.createdAt,
  });

  const handlers: Record<string, (args: Record<string, unknown>, extra: CallExtra) => Promise<ToolResult>> = {
    search_skills: async (args) => {
      const limit = args['limit'] === undefined ? 5 : Number(args['limit']);
      const hits = catalog.search(String(args['query'] ?? ''), limit);
      // Fresh figures: runs since the catalog's last refresh count too (an agent weighs them).
      const versions = await Promise.all(hits.map((hit) => store.get(hit.ref)));
      const skills = hits.map((hit, position) => {
        const skill = versions[position];
        return {
          ref: hit.ref,
          name: hit.name,
          description: hit.description,
          score: Math.round(hit.score * 100) / 100,
          status: hit.status,
          inputSchema: hit.inputSchema,
          ...(skill
            ? { review: skill.review?.decision, maturity: skill.maturity, reliability: skill.reliability }
            : {}),
        };
      });
      const lines = skills.map((hit) => `${hit.ref} (score ${hit.score}): ${hit.description}`);
      return {
        content: text(skills.length === 0 ? 'No skill fits this request.' : lines.join('\n')),
        structuredContent: { skills },
      };
    },
    get_skill: async (args) => {
      const skill = await servedVersion(String(args['ref'] ?? ''));
      if ('content' in skill) return skill;
      // Flags (a tool schema changed under the version, ...) tell an agent not to lean on it.
      const flags = (await store.history(skill.name))
        .filter((event) => event.kind === 'flagged' && event.version === skill.version)
        .map((event) => ({ at: event.at, by: event.by, note: event.note ?? '' }));
      const described: Record<string, unknown> = { ...describe(skill), flags };
      return {
        content: text(
          `${described['ref']}: ${skill.description} (${reliabilityLine(skill)})\n${stableJson(described)}`,
        ),
        structuredContent: described,
      };
    },
    run_skill: async (args, extra) => {
      const skill = await servedVersion(String(args['ref'] ?? ''));
      if ('content' in skill) return skill;
      return run(skill, inputOf(args['input']), extra);
    },
    report_outcome: async (args) => {
      const report = await store.reportOutcome({
        runId: String(args['runId'] ?? ''),
        outcome: args['outcome'] as 'correct' | 'wrong',
        by: `mcp:${server.getClientVersion()?.name ?? 'client'}`,
        ...(typeof args['note'] === 'string' && args['note'] !== '' ? { note: args['note'] } : {}),
      });
      return {
        content: text(`Recorded: run ${report.runId} of ${report.ref} was ${report.outcome}.`),
        structuredContent: { ...report },
      };
    },
  };

  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const { name } = request.params;
    const args = asRecord(request.params.arguments);
    try {
      const handler = Object.hasOwn(handlers, name) ? handlers[name] : undefined;
      if (handler) return await handler(args, extra);
      if (!catalog.exposed().some((candidate) => candidate.name === name))
        return errorResult('NOT_FOUND', `No tool \`${name}\` here; call search_skills to find skills.`);
      // Read again: the list may be up to one watch interval behind the store.
      const skill = await servedVersion(name);
      if ('content' in skill) return skill;
      return await run(skill, request.params.arguments, extra, true);
    } catch (error) {
      // Nothing a skill or an agent sends may end the server: every failure is a result.
      return errorResult(codeOf(error), messageOf(error));
    }
  });

  const unsubscribe = catalog.onExposedChange(() => {
    void server.sendToolListChanged().catch(() => undefined);
  });
  const previousOnClose = server.onclose;
  server.onclose = () => {
    unsubscribe();
    previousOnClose?.();
  };
  return server;
}
