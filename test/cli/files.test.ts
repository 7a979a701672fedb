import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../cli/files.ts';

describe('atomic writes', () => {
  it('given an existing report, replaces it whole and leaves no temporary file', () => {
    const folder = mkdtempSync(join(tmpdir(), 'mashflow-atomic-'));
    const file = join(folder, 'report.html');
    writeFileSync(file, 'old');
    writeFileAtomic(file, 'new report');
    expect(readFileSync(file, 'utf8')).toBe('new report');
    expect(readdirSync(folder)).toEqual(['report.html']);
  });

  it('given a write that fails (the target is a folder), keeps what was there and cleans up the temporary file', () => {
    const folder = mkdtempSync(join(tmpdir(), 'mashflow-atomic-'));
    const target = join(folder, 'report.html');
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'kept');
    expect(() => writeFileAtomic(target, 'new')).toThrow();
    expect(readdirSync(folder)).toEqual(['report.html']);
    expect(readFileSync(join(target, 'keep.txt'), 'utf8')).toBe('kept');
  });
});
