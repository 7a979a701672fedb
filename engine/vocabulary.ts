/**
 * The shared case vocabulary (docs/vocabulary.md): the only names a model may route on and the
 * only words a run may report. Kept as data so the case schema, the loader and the linter agree.
 */

export type VariableKind =
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'boolean' }
  | { kind: 'integer'; values?: readonly number[] }
  | { kind: 'children' };

export interface VariableSpec {
  readonly type: VariableKind;
  readonly judgement: boolean;
  readonly meaning: string;
  /** Used when a case leaves the variable out; none means a model that needs it reports an error. */
  readonly default?: unknown;
}

const riskLevels = ['standard', 'medium', 'high'] as const;

export const variables = {
  source: {
    type: { kind: 'enum', values: ['police', 'partner-agency', 'public'] },
    judgement: false,
    meaning: 'who notified or referred',
    default: 'police',
  },
  dashRisk: {
    type: { kind: 'enum', values: [...riskLevels, 'none'] },
    judgement: false,
    meaning: 'DASH grade from the attending officer; none: no DASH completed',
  },
  socialCareStatus: {
    type: { kind: 'enum', values: ['open', 'open-early-help', 'closed-under-8-weeks', 'known', 'not-known'] },
    judgement: false,
    meaning: "the children's current involvement with social care or early help",
  },
  children: { type: { kind: 'children' }, judgement: false, meaning: 'children in the household, with ages', default: [] },
  pregnant: { type: { kind: 'boolean' }, judgement: false, meaning: 'the victim is pregnant', default: false },
  repeatIncident: { type: { kind: 'boolean' }, judgement: false, meaning: 'previous DA incidents known to police', default: false },
  previousMarac: { type: { kind: 'boolean' }, judgement: false, meaning: 'referred to MARAC in the last 12 months', default: false },
  honourBased: { type: { kind: 'boolean' }, judgement: false, meaning: 'honour-based violence', default: false },
  mentalHealthOrSubstance: {
    type: { kind: 'boolean' },
    judgement: false,
    meaning: 'adult mental-health or substance-misuse concern',
    default: false,
  },
  adultSafeguarding: { type: { kind: 'boolean' }, judgement: false, meaning: 'an adult safeguarding concern', default: false },
  outOfForceArea: { type: { kind: 'boolean' }, judgement: false, meaning: 'the incident belongs to another police force', default: false },
  consentToShare: { type: { kind: 'boolean' }, judgement: false, meaning: 'the victim consented to information sharing', default: false },
  outOfHours: {
    type: { kind: 'boolean' },
    judgement: false,
    meaning: "the notification arrived outside the authority's office hours (added by mashflow)",
    default: false,
  },
  agreedRisk: {
    type: { kind: 'enum', values: riskLevels },
    judgement: true,
    meaning: 'risk level after police review; defaults to dashRisk (none counts as standard)',
  },
  thresholdLevel: {
    type: { kind: 'integer', values: [1, 2, 3, 4] },
    judgement: true,
    meaning: 'level of need on the local threshold document: 1 universal, 2 early help, 3 child in need, 4 safeguarding',
  },
  immediateRisk: {
    type: { kind: 'boolean' },
    judgement: true,
    meaning: 'the child has suffered, or is at immediate risk of, significant harm',
    default: false,
  },
  s47Agreed: { type: { kind: 'boolean' }, judgement: true, meaning: 'the strategy discussion agrees a section 47 enquiry', default: false },
  furtherInformationNeeded: {
    type: { kind: 'boolean' },
    judgement: true,
    meaning: 'the decision-maker needs checks with other agencies before deciding (added by mashflow)',
    default: false,
  },
} as const satisfies Record<string, VariableSpec>;

export type VariableName = keyof typeof variables;

export const variableNames = Object.keys(variables) as VariableName[];

export function isVariableName(name: string): name is VariableName {
  return Object.hasOwn(variables, name);
}

/** Names a FEEL condition may use besides the case variables: derived facts computed from them. */
export const derivedNames = {
  childUnderFive: 'some child in the household is under five',
  childCount: 'the number of children in the household',
} as const;

export type DerivedName = keyof typeof derivedNames;

export const outcomeWords = {
  nfa: 'no further action: record and close',
  signpost: 'referred to DA support or another agency',
  'early-help': 'Early Help, CAF or an Early Help assessment',
  'cin-assessment': 'section 17 child-in-need, single or C&F assessment',
  'strategy-discussion': 'a strategy discussion or MASH meeting is held',
  'information-sharing-meeting': 'discussed at a multi-agency meeting that shares information and agrees next steps, not a strategy discussion',
  s47: 'a section 47 enquiry (single or joint)',
  'allocated-team': 'passed to the social worker, key worker or team already involved',
  marac: 'referred to MARAC',
  'recorded-for-information': "recorded on the child's file for information only",
  'returned-to-police': 'returned to police as not meeting threshold',
} as const;

export type OutcomeWord = keyof typeof outcomeWords;

export const notificationWords = {
  health: 'health partner in the MASH / health visitor / school nurse',
  education: 'education welfare officer, school or named education lead',
  'named-midwife': 'the named midwife (pregnancy)',
  'child-health-safeguarding': 'child health safeguarding team (under-fives, pregnancy)',
  gp: 'GP / primary care (mental health, substance misuse)',
  'allocated-worker': 'the allocated social worker, key worker or their manager',
  'da-service': 'the commissioned domestic-abuse service',
  idva: 'independent domestic violence advocate',
  daro: 'police domestic abuse risk officer',
  'safer-neighbourhoods': 'local neighbourhood policing team',
  police: 'the outcome is sent back to police',
} as const;

export type NotificationWord = keyof typeof notificationWords;

export function isOutcomeWord(word: string): word is OutcomeWord {
  return Object.hasOwn(outcomeWords, word);
}

export function isNotificationWord(word: string): word is NotificationWord {
  return Object.hasOwn(notificationWords, word);
}

/** The allowed literal values of a variable, for messages and for checking conditions. */
export function allowedValues(name: VariableName): readonly (string | number | boolean)[] | undefined {
  const type: VariableKind = variables[name].type;
  switch (type.kind) {
    case 'enum':
      return type.values;
    case 'boolean':
      return [true, false];
    case 'integer':
      return type.values;
    case 'children':
      return undefined;
  }
}
