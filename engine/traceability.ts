/**
 * Traceability: every procedural statement of a model's seed, numbered and quoted, with the
 * elements that encode it (or why it is out of scope). The matrix lives beside the model
 * (docs/traceability/<model>.yaml) and is checked against it, so it stays true as the model is
 * edited: a listed element that no longer exists, or a task no statement accounts for, is a
 * problem. Pure: takes the parsed YAML and the model.
 */
import { z } from 'zod';
import { isTask, type Model } from './model.ts';
import type { Problem } from './problems.ts';

export const statementStatuses = ['encoded', 'partly', 'not', 'out-of-scope'] as const;
export type StatementStatus = (typeof statementStatuses)[number];

const statement = z
  .object({
    /** Stable within the matrix: S1, S2… */
    id: z.string().regex(/^S\d+$/, 'write statement ids as S1, S2, …'),
    /** The seed's own section number or heading ("7.0, RAG table", "14.8"). */
    section: z.string().min(1),
    /** A short, exact quote from the seed. */
    quote: z.string().min(1),
    status: z.enum(statementStatuses),
    /** Where it was before this matrix's last review, for before/after counts. Absent: unchanged. */
    was: z.enum(statementStatuses).optional(),
    elements: z.array(z.string().min(1)).default([]),
    /** Why partly, not or out of scope; how an "Assumed:" reading fills a silence. */
    note: z.string().min(1).optional(),
  })
  .strict();

export const traceabilitySchema = z
  .object({
    model: z.string().min(1),
    /** The seed files the statements quote, as the model's documentation cites them. */
    seeds: z.array(z.string().min(1)).min(1),
    statements: z.array(statement).min(1),
  })
  .strict();

export type Traceability = z.infer<typeof traceabilitySchema>;
export type Statement = Traceability['statements'][number];


/** Problems between a matrix and its model: unknown ids, tasks not traced, statuses without elements or reasons. */
export function checkTraceability(matrix: Traceability, model: Model, file: string): Problem[] {
  const problems: Problem[] = [];
  const problem = (path: string, message: string) => problems.push({ code: 'traceability', file, path, message });
  const seen = new Set<string>();
  const traced = new Set<string>();
  for (const entry of matrix.statements) {
    if (seen.has(entry.id)) problem(entry.id, `statement id ${entry.id} is used twice; number each statement once`);
    seen.add(entry.id);
    for (const id of entry.elements) {
      if (!model.nodes.has(id) && !model.flows.has(id)) {
        problem(entry.id, `element ${id} is not in ${model.file}; update the matrix to the element that now encodes "${entry.quote.slice(0, 60)}"`);
      }
      traced.add(id);
    }
    if ((entry.status === 'encoded' || entry.status === 'partly') && entry.elements.length === 0) {
      problem(entry.id, `statement ${entry.id} is ${entry.status} but lists no elements; name the elements that encode it`);
    }
    if (entry.status !== 'encoded' && !entry.note) {
      problem(entry.id, `statement ${entry.id} is ${entry.status}: add a note saying why`);
    }
  }
  for (const node of model.nodes.values()) {
    // Tasks carry the procedure's steps; gateways, events and merges need no statement of their own.
    if (isTask(node) && !traced.has(node.id)) {
      problem(node.id, `task ${node.id} ("${node.name}") is in no statement of the matrix; add it to the statement it encodes`);
    }
  }
  return problems;
}

/** Counts by status, now and before the last review (`was`, else unchanged). */
export function statusCounts(matrix: Traceability): { now: Record<StatementStatus, number>; before: Record<StatementStatus, number> } {
  const empty = (): Record<StatementStatus, number> => ({ encoded: 0, partly: 0, not: 0, 'out-of-scope': 0 });
  const now = empty();
  const before = empty();
  for (const entry of matrix.statements) {
    now[entry.status]++;
    before[entry.was ?? entry.status]++;
  }
  return { now, before };
}

/** The matrix as Markdown, for people: docs/traceability/<model>.md. */
export function renderTraceability(matrix: Traceability): string {
  const { now, before } = statusCounts(matrix);
  const count = (counts: Record<StatementStatus, number>) => statementStatuses.map((status) => `${counts[status]} ${status}`).join(', ');
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
  const lines = [
    `# Traceability: ${matrix.model}`,
    '',
    `Generated from \`${matrix.model}.yaml\` by \`npm run traceability\`; edit the YAML. Seeds: ${matrix.seeds.map((seed) => `\`${seed}\``).join(', ')}.`,
    '',
    `Statements: ${matrix.statements.length}. Now: ${count(now)}. Before the last review: ${count(before)}.`,
    '',
    '| # | section | the seed says | status | elements | note |',
    '|---|---|---|---|---|---|',
    ...matrix.statements.map(
      (entry) =>
        `| ${entry.id} | ${cell(entry.section)} | "${cell(entry.quote)}" | ${entry.status}${entry.was && entry.was !== entry.status ? ` (was ${entry.was})` : ''} | ${entry.elements.map((id) => `\`${id}\``).join(', ')} | ${cell(entry.note ?? '')} |`,
    ),
    '',
  ];
  return lines.join('\n');
}
