/**
 * The trainer's short form of a case: one field per variable of the shared vocabulary
 * (engine/vocabulary.ts), prefilled from a bundled case, turned back into a case file's content.
 * Pure and browser-free, so it is tested in node; the case file's own schema (engine/case-file.ts)
 * still checks what the form produces before anything runs.
 */
import { variableNames, variables, type VariableKind, type VariableName } from '../../engine/vocabulary.ts';

/** How a variable is entered: a choice, a tick box, a number, or the children's ages. */
export type FieldKind = 'select' | 'checkbox' | 'number' | 'ages';

export interface FormField {
  name: VariableName;
  kind: FieldKind;
  /** For a select: the values to choose from, as text. */
  options: readonly string[];
  /** What the variable means, from the vocabulary. */
  meaning: string;
  /** A judgement a professional makes about the case, rather than a fact the notification gives. */
  judgement: boolean;
  /** What leaving it out means, for the empty choice of a select. */
  whenNotGiven: string;
}

/** Every field as text, as the inputs hold it: booleans "true"/"false", ages "2, 7", '' for not given. */
export interface CaseForm {
  /** Europe/London local time, as a datetime-local input holds it: 2026-03-02T09:30. */
  receivedAt: string;
  values: Record<VariableName, string>;
}

export interface FormProblem {
  /** The variable, or "receivedAt". */
  field: string;
  message: string;
}

function fieldKind(type: VariableKind): FieldKind {
  switch (type.kind) {
    case 'enum':
      return 'select';
    case 'boolean':
      return 'checkbox';
    case 'integer':
      return type.values ? 'select' : 'number';
    case 'children':
      return 'ages';
  }
}

function fieldOptions(type: VariableKind): readonly string[] {
  if (type.kind === 'enum') return type.values;
  if (type.kind === 'integer' && type.values) return type.values.map(String);
  return [];
}

function notGivenText(name: VariableName): string {
  if (name === 'agreedRisk') return 'as the DASH grade';
  const spec = variables[name];
  return 'default' in spec ? `default: ${String(spec.default)}` : 'not given';
}

export const formFields: readonly FormField[] = variableNames.map((name) => {
  const spec = variables[name];
  return {
    name,
    kind: fieldKind(spec.type),
    options: fieldOptions(spec.type),
    meaning: spec.meaning,
    judgement: spec.judgement,
    whenNotGiven: notGivenText(name),
  };
});

function valueText(name: VariableName, value: unknown): string {
  const type: VariableKind = variables[name].type;
  if (type.kind === 'children') return Array.isArray(value) ? value.map((child) => String((child as { age: unknown }).age)).join(', ') : '';
  if (type.kind === 'boolean') return value === true ? 'true' : 'false';
  return value === undefined || value === null ? '' : String(value);
}

/**
 * The form for a case as its file gives it (before defaults, so agreedRisk left out keeps
 * following the DASH grade when the trainee changes that).
 */
export function formFromGiven(given: Readonly<Record<string, unknown>>, receivedAt: string): CaseForm {
  const values = {} as Record<VariableName, string>;
  for (const name of variableNames) {
    const spec = variables[name];
    values[name] = valueText(name, given[name] ?? ('default' in spec ? spec.default : undefined));
  }
  return { receivedAt, values };
}

const wholeNumber = /^\d+$/;

/** The case variables the form gives, and what is wrong with the ones it cannot give. */
export function givenFromForm(form: CaseForm): { given: Record<string, unknown>; problems: FormProblem[] } {
  const given: Record<string, unknown> = {};
  const problems: FormProblem[] = [];
  for (const field of formFields) {
    const text = (form.values[field.name] ?? '').trim();
    const type: VariableKind = variables[field.name].type;
    if (type.kind === 'boolean') {
      given[field.name] = text === 'true';
    } else if (type.kind === 'children') {
      if (text === '') {
        given[field.name] = [];
        continue;
      }
      const ages = text.split(/[,\s]+/).filter((part) => part !== '');
      const bad = ages.filter((age) => !wholeNumber.test(age));
      if (bad.length > 0) {
        problems.push({ field: field.name, message: `"${bad.join('", "')}" is not an age; write whole years separated by commas, e.g. 2, 7` });
        continue;
      }
      given[field.name] = ages.map((age) => ({ age: Number(age) }));
    } else if (text === '') {
      continue; // not given: the case file's defaults apply
    } else if (type.kind === 'integer') {
      if (!/^-?\d+$/.test(text)) problems.push({ field: field.name, message: `"${text}" is not a whole number` });
      else given[field.name] = Number(text);
    } else {
      given[field.name] = text;
    }
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(form.receivedAt.trim())) {
    problems.push({ field: 'receivedAt', message: `"${form.receivedAt}" is not a date and time; choose when the notification arrived` });
  }
  return { given, problems };
}

/**
 * A case file's content for the form (the case file schema is a YAML one, and JSON is YAML): the
 * variables, the receipt time, and the chosen case's durations so the clocks run as in that case.
 * No expectations: they belonged to the bundled case's variables, not these.
 */
export function caseFileContent(form: CaseForm, given: Record<string, unknown>, base: { title: string; durations: Readonly<Record<string, number>> }): string {
  return JSON.stringify({
    title: `Your variables (from "${base.title}")`,
    receivedAt: form.receivedAt.trim().slice(0, 16),
    case: given,
    durations: base.durations,
  });
}

/** Problems from the case file's schema point at `case.<name>`; the form names the field. */
export function problemField(path: string): string {
  const match = /^case\.([A-Za-z]+)/.exec(path);
  return match ? match[1]! : path;
}
