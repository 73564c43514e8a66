// `npm run torture [-- --trials N --seed S --only rotation,users --cases N --quiet]`
import { parseArgs } from 'node:util';
import { formatReport, runTorture } from './runner';

const { values } = parseArgs({
  options: {
    trials: { type: 'string', default: '300' },
    seed: { type: 'string' },
    only: { type: 'string' },
    cases: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

const report = await runTorture({
  trials: Number(values.trials),
  seed: values.seed ? Number(values.seed) : undefined,
  only: values.only ? values.only.split(',') : undefined,
  cases: values.cases ? Number(values.cases) : undefined,
  log: values.quiet ? undefined : (line) => console.log(line),
});
console.log(formatReport(report));
process.exit(report.failures.length === 0 ? 0 : 1);
