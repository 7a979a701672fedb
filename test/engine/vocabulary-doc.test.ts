import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { derivedNames, notificationWords, outcomeWords, variableNames } from '../../engine/vocabulary.ts';

const doc = readFileSync(new URL('../../docs/vocabulary.md', import.meta.url), 'utf8');

describe('docs/vocabulary.md', () => {
  it.each([...variableNames, ...Object.keys(derivedNames), ...Object.keys(outcomeWords), ...Object.keys(notificationWords)])(
    'given the vocabulary in engine/vocabulary.ts, then the page documents `%s`',
    (name) => {
      expect(doc).toContain(`\`${name}\``);
    },
  );
});
