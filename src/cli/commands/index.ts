import type { CAC } from 'cac';
import { registerCompile } from './compile.js';

/** A CLI command module: registers itself on the cac instance; heavy imports happen inside actions. */
export type RegisterCommand = (cli: CAC) => void;

// One line per command file; each file owns its flags, help and example.
const commands: RegisterCommand[] = [registerCompile];

export function registerCommands(cli: CAC): void {
  for (const register of commands) register(cli);
}
