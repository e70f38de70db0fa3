import type { CAC } from 'cac';
import { registerBench } from './bench.js';
import { registerCompile } from './compile.js';
import { registerDemo } from './demo.js';
import { registerDiff } from './diff.js';
import { registerExport } from './export.js';
import { registerHistory } from './history.js';
import { registerImportLibrary } from './import-library.js';
import { registerList } from './list.js';
import { registerPromote } from './promote.js';
import { registerPropose } from './propose.js';
import { registerRecord } from './record.js';
import { registerRefine } from './refine.js';
import { registerReport } from './report.js';
import { registerReview } from './review.js';
import { registerRollback } from './rollback.js';
import { registerRun } from './run.js';
import { registerSearch } from './search.js';
import { registerServe } from './serve.js';
import { registerShow } from './show.js';
import { registerStatus } from './status.js';
import { registerTest } from './test.js';
import { registerTypes } from './types.js';

/** A CLI command module: registers itself on the cac instance; heavy imports happen inside actions. */
export type RegisterCommand = (cli: CAC) => void;

// One line per command file; each file owns its flags, help and example.
const commands: RegisterCommand[] = [
  registerCompile,
  registerRun,
  registerBench,
  registerTest,
  registerDemo,
  registerRefine,
  registerList,
  registerSearch,
  registerShow,
  registerHistory,
  registerStatus,
  registerDiff,
  registerReview,
  registerReport,
  registerPromote,
  registerRollback,
  registerExport,
  registerImportLibrary,
  registerTypes,
  registerRecord,
  registerPropose,
  registerServe,
];

export function registerCommands(cli: CAC): void {
  for (const register of commands) register(cli);
}
