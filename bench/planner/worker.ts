/**
 * A child process of the harness: loads the list and the planner once, then runs each task it is sent
 * and sends the result back. Started by run.ts with `--import tsx`.
 */
import { loadCatalog } from './catalog.ts';
import { loadPlanFunction } from './cote.ts';
import { runTask, type Task } from './grid.ts';
import { indexCatalog } from './world.ts';

const master = Number(process.env.COTE_SIM_MASTER);
const index = indexCatalog(loadCatalog());
const { plan, name } = await loadPlanFunction(process.env.COTE_SIM_STANDIN === '1');

process.on('message', (message: { task?: Task; stop?: true }) => {
  if (message.stop || !message.task) {
    process.disconnect();
    return;
  }
  process.send!({ result: runTask(index, message.task, master, plan, name) });
});
process.send!({ ready: name });
