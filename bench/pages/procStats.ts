import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/** Linux /proc figures of a process: what it costs, independent of how busy the shared machine is. */

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    const answer = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim());
    ticksPerSecond = Number.isInteger(answer) && answer > 0 ? answer : 100;
  }
  return ticksPerSecond;
}

/** CPU time (user + system, ms) in a /proc `stat` file: of a process, or of one of its threads (task/N/stat). */
function statCpuMs(file: string): number {
  const stat = fs.readFileSync(file, 'utf8');
  // Fields after the command name (which may contain spaces) start at field 3; utime and stime are fields 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks();
}

/** CPU time (user + system) the process has used so far, in ms. */
export function cpuMs(pid: number): number {
  return statCpuMs(`/proc/${pid}/stat`);
}

/** Resident memory: the peak so far (VmHWM) and now (VmRSS), in MB. */
export function residentMemory(pid: number): { peakMb: number; currentMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { peakMb: Math.round(kb('VmHWM') / 102.4) / 10, currentMb: Math.round(kb('VmRSS') / 102.4) / 10 };
}

/** CPU time (user + system, ms) of the process's main thread and of all its other threads together. */
export function threadCpuMs(pid: number): { main: number; other: number } {
  const out = { main: 0, other: 0 };
  for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
    const ms = statCpuMs(`/proc/${pid}/task/${task}/stat`);
    if (task === String(pid)) out.main += ms;
    else out.other += ms;
  }
  return out;
}
