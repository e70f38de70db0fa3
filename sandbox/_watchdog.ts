import { Worker } from 'node:worker_threads';

/**
 * Starts the worker's watchdog thread and returns the hold it enforces: `holdUntil(ms)` says by
 * when (epoch ms) this thread must be out of the isolate; 0 says it is not in.
 *
 * While a skill spins in a long applySync (a sync loop runs until its deadline, minutes if the
 * caller allowed it) this thread cannot see the channel close. If the caller dies meanwhile,
 * nobody is left to kill us: the watchdog, free of the isolate, ends the process once we are
 * orphaned. It also holds this thread to its hold: isolated-vm runs some skill code outside its
 * timeouts (the getters of an unhandled rejection it reads after a call), and nothing else can
 * stop it; a thread still inside past its hold is wedged, and the process ends.
 */
export function startWatchdog(): (untilMs: number) => void {
  const busyUntil = new Float64Array(new SharedArrayBuffer(8));
  const watchdog = new Worker(
    `const { workerData } = require('node:worker_threads');
     const busyUntil = new Float64Array(workerData.busyUntil);
     setInterval(() => {
       const until = busyUntil[0];
       if (process.ppid !== workerData.ppid || (until > 0 && Date.now() > until)) process.kill(process.pid, 'SIGKILL');
     }, 50);`,
    {
      eval: true,
      workerData: { ppid: process.ppid, busyUntil: busyUntil.buffer },
      resourceLimits: { maxOldGenerationSizeMb: 8 },
    },
  );
  watchdog.unref();
  return (untilMs) => {
    busyUntil[0] = untilMs;
  };
}
