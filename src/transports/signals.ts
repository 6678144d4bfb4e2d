const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * The first SIGTERM or SIGINT, after which both are left to Node again: a second one (Ctrl-C twice) ends
 * the process at once instead of waiting for the drain the first one started.
 */
export function firstStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const handlers = SIGNALS.map((signal) => {
      const handler = () => {
        for (const [s, h] of handlers) process.off(s, h);
        resolve(signal);
      };
      process.on(signal, handler);
      return [signal, handler] as const;
    });
  });
}
