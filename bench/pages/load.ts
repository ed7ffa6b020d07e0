import autocannon from 'autocannon';

export interface LoadSettings {
  seconds: number;
  connections: number;
  timeoutSeconds: number;
  headers: Record<string, string>;
}

/** What one autocannon run against one URL gave; latencies in ms. */
export interface LoadResult {
  /** Mean of the per-second samples of completed requests. */
  reqPerSec: number;
  completed: number;
  /** Requests sent, including those still in flight when the time was up (the server handles them too). */
  sent: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  /** Response bytes per second (mean of the samples). */
  bytesPerSec: number;
}

/** `connections` keep-alive connections hammering `url` for a fixed `seconds`, then stop by themselves. */
export async function runLoad(url: string, settings: LoadSettings): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections: settings.connections,
    duration: settings.seconds,
    timeout: settings.timeoutSeconds,
    headers: settings.headers,
  });
  return {
    reqPerSec: round(result.requests.average),
    completed: result.latency.totalCount,
    sent: result.requests.sent,
    p50: round(result.latency.p50),
    p90: round(result.latency.p90),
    p99: round(result.latency.p99),
    max: round(result.latency.max),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])),
    bytesPerSec: Math.round(result.throughput.average),
  };
}

const round = (n: number) => Math.round(n * 10) / 10;
