import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const sources = readFileSync('docs/sources.md', 'utf8');
const anchors = new Set([...sources.matchAll(/<a id="([\w-]+)"><\/a>/g)].map((match) => match[1]!));
const scenarioFiles = readdirSync('models/scenarios').filter((file) => file.endsWith('.yaml') && file !== 'suite.yaml');

/** Every string under a `source`, `assumed` or `why` key, or under `sources:`, with its key path. */
function citations(value: unknown, path: string[] = []): { path: string; text: string }[] {
  if (typeof value === 'string') return /(^|\.)(source|assumed|why)$|^sources\./.test(path.join('.')) ? [{ path: path.join('.'), text: value }] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => citations(item, [...path, String(index)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => citations(item, [...path, key]));
  return [];
}

describe('docs/sources.md: the public figures the scenarios cite live in the repository', () => {
  it('given the page, then it has the anchors of the figures the scenarios use', () => {
    for (const anchor of ['nspcc-referrals', 'rotherham-2014-volume', 'winter-surge', 'tournament-surge', 'not-public']) expect(anchors).toContain(anchor);
  });

  it.each(scenarioFiles)('given %s, then every citation of docs/sources.md names an anchor that exists, and nothing points outside the repository', (file) => {
    const text = readFileSync(`models/scenarios/${file}`, 'utf8');
    expect(text).not.toMatch(/DOMAIN\.md|\.\.\/shared/);
    const cited = citations(parseYaml(text)).flatMap(({ path, text: citation }) => [...citation.matchAll(/docs\/sources\.md#([\w-]+)/g)].map((match) => ({ path, anchor: match[1]! })));
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter(({ anchor }) => !anchors.has(anchor))).toEqual([]);
  });
});
