import type { Express } from 'express';

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/**
 * Every `METHOD /path` the app registers, read from its router stack (routers mounted without a path prefix, as
 * createApp mounts them), so a route added later is found without being listed anywhere.
 */
export function registeredRoutes(app: Express): string[] {
  const found: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const routePath of ([] as string[]).concat(layer.route.path)) {
          for (const method of Object.keys(layer.route.methods))
            if (method !== '_all') found.push(`${method.toUpperCase()} ${routePath}`);
        }
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return [...new Set(found)].sort();
}
