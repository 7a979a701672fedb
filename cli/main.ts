/**
 * mashflow's command line. Exit codes: 0 ok, 1 failures (a case or lint error), 2 bad input or
 * usage, 3 a bug in mashflow itself. A user's mistake is one line per problem, never a stack trace.
 */
import { parseArgs } from 'node:util';
import { InputError } from '../engine/problems.ts';
import { UsageError } from './usage-error.ts';

// Commands load on demand so `mashflow run` does not pay for the linter.
const usage = `mashflow: model, run and check MASH domestic-abuse procedures

usage:
  mashflow run <model.bpmn> <case.yaml> [--json]   run one case; print path, outcomes, notifications, deadlines
  mashflow run --all-models <case.yaml> [--json]   the same household through every model in models/, side by side
  mashflow test [paths...] [--junit <file>]        run case files (default: models/) against their models,
                                                   with pass/fail per case and coverage per model
  mashflow lint [models...]                        bpmnlint recommended + mashflow rules (default: models/)
  mashflow simulate <scenario.yaml> [--replications N] [--seed S] [--workers N] [--out DIR] [--event-log DIR] [--json]
                                                   replay synthetic incidents through a model: deadline
                                                   breaches, time to decision, staff and meeting load
  mashflow compare <baseline.yaml> <alternative.yaml>... [--replications N] [--seed S] [--workers N] [--out DIR] [--json]
                                                   the same incidents through each scenario: paired
                                                   differences with 95% intervals, in plain words
  mashflow whatif [suite.yaml] [--replications N] [--workers N] [--out DIR] [--json]
                                                   the bundled what-if suite (default models/scenarios/
                                                   suite.yaml): every comparison, an HTML report in out/whatif
  mashflow explain <scenario.yaml> (--incident N | --first-breach) [--replication R] [--seed S] [--json]
                                                   one simulated incident's timeline: every wait and
                                                   its reason, and why a deadline was missed
  mashflow serve [--port N] [--no-open]            the browser editor on 127.0.0.1 (build it first: npm run editor)
  mashflow help                                    this text

exit codes: 0 ok, 1 a case failed or lint found errors, 2 bad input or usage, 3 a bug in mashflow`;

function wholeNumber(name: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?\d+$/.test(text) || Number(text) < min) throw new UsageError(`--${name} needs a whole number, at least ${min} (got "${text}")`);
  return Number(text);
}

/** Options shared by simulate and compare. */
const runOptions = {
  replications: { type: 'string' },
  seed: { type: 'string' },
  workers: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

interface RunOptionValues {
  replications?: string | undefined;
  seed?: string | undefined;
  workers?: string | undefined;
  out?: string | undefined;
  json?: boolean | undefined;
}

function runOptionValues(values: RunOptionValues): { json: boolean; replications?: number; seed?: number; workers?: number; out?: string } {
  const options: { json: boolean; replications?: number; seed?: number; workers?: number; out?: string } = { json: values.json ?? false };
  const replications = wholeNumber('replications', values.replications, 1);
  const seed = wholeNumber('seed', values.seed, -(2 ** 52));
  const workers = wholeNumber('workers', values.workers, 1);
  if (replications !== undefined) options.replications = replications;
  if (seed !== undefined) options.seed = seed;
  if (workers !== undefined) options.workers = workers;
  if (values.out !== undefined) options.out = values.out;
  return options;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'run': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { json: { type: 'boolean', default: false }, 'all-models': { type: 'boolean', default: false } },
      });
      if (values['all-models']) {
        if (positionals.length !== 1) throw new UsageError('run --all-models needs one case file: mashflow run --all-models <case.yaml>');
        const { runAllModelsCommand } = await import('./commands/run.ts');
        return runAllModelsCommand('models', positionals[0]!, values.json);
      }
      if (positionals.length !== 2) throw new UsageError('run needs a model and a case file: mashflow run models/derby.bpmn models/cases/derby/<case>.yaml');
      const { runCommand } = await import('./commands/run.ts');
      return runCommand(positionals[0]!, positionals[1]!, values.json);
    }
    case 'test': {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { junit: { type: 'string' } } });
      const { testCommand } = await import('./commands/test.ts');
      return testCommand(positionals, values.junit);
    }
    case 'lint': {
      const { positionals } = parseArgs({ args: rest, allowPositionals: true, options: {} });
      const { lintCommand } = await import('./commands/lint.ts');
      return lintCommand(positionals);
    }
    case 'simulate': {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { ...runOptions, 'event-log': { type: 'string' } } });
      if (positionals.length !== 1) throw new UsageError('simulate needs one scenario file: mashflow simulate models/scenarios/derby-baseline.yaml');
      const { simulateCommand } = await import('./commands/simulate.ts');
      const options: import('./commands/simulate.ts').SimulateOptions = runOptionValues(values);
      if (values['event-log'] !== undefined) options.eventLog = values['event-log'];
      return simulateCommand(positionals[0]!, options);
    }
    case 'compare': {
      const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: runOptions });
      const { compareCommand } = await import('./commands/compare.ts');
      return compareCommand(positionals, runOptionValues(values));
    }
    case 'whatif': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { replications: { type: 'string' }, workers: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean', default: false } },
      });
      if (positionals.length > 1) throw new UsageError('whatif takes at most one suite file: mashflow whatif models/scenarios/suite.yaml');
      const { whatifCommand } = await import('./commands/whatif.ts');
      const options: import('./commands/whatif.ts').WhatifOptions = { out: values.out ?? 'out/whatif', json: values.json };
      const replications = wholeNumber('replications', values.replications, 2);
      const workers = wholeNumber('workers', values.workers, 1);
      if (replications !== undefined) options.replications = replications;
      if (workers !== undefined) options.workers = workers;
      return whatifCommand(positionals[0] ?? 'models/scenarios/suite.yaml', options);
    }
    case 'explain': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          incident: { type: 'string' },
          'first-breach': { type: 'boolean', default: false },
          replication: { type: 'string' },
          seed: { type: 'string' },
          json: { type: 'boolean', default: false },
        },
      });
      if (positionals.length !== 1) throw new UsageError('explain needs one scenario file: mashflow explain models/scenarios/derby-baseline.yaml --first-breach');
      const { explainCommand } = await import('./commands/explain.ts');
      const options: import('./commands/explain.ts').ExplainOptions = {
        firstBreach: values['first-breach'],
        replication: wholeNumber('replication', values.replication, 0) ?? 0,
        json: values.json,
      };
      const incident = wholeNumber('incident', values.incident, 1);
      const seed = wholeNumber('seed', values.seed, -(2 ** 52));
      if (incident !== undefined) options.incident = incident;
      if (seed !== undefined) options.seed = seed;
      return explainCommand(positionals[0]!, options);
    }
    case 'serve': {
      const { values } = parseArgs({ args: rest, options: { port: { type: 'string' }, 'no-open': { type: 'boolean', default: false } } });
      const { serveCommand, defaultPort } = await import('./commands/serve.ts');
      return serveCommand({ port: wholeNumber('port', values.port, 0) ?? defaultPort, open: !values['no-open'] });
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(usage);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command "${command}"; use run, test, lint, simulate, compare, whatif or explain (mashflow help)`);
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof InputError) {
    for (const problem of error.problems) console.error(`error: ${problem.file}: ${problem.path ? `${problem.path}: ` : ''}${problem.message}`);
    process.exitCode = 2;
  } else if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(`error: ${(error as Error).message}`);
    process.exitCode = 2;
  } else {
    console.error('mashflow failed unexpectedly; this is a bug, please report it with the output below:');
    console.error(error);
    process.exitCode = 3;
  }
}
