/**
 * `hooksim serve` without the command line: the emulator, its control API, the state file.
 * The CLI and the tests start it the same way.
 */
import type { HooksimConfig } from '../config/define.js';
import type { Clock } from '../core/clock.js';
import { createEmulator, type Emulator } from './emulator.js';
import { controlRoutes, startServer, type Guard, type Route, type StartedServer } from './http.js';
import { interceptPublicOrigins } from './intercept.js';
import { readStateFile, writeStateFile } from './state.js';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Options of {@link startService}. */
export interface ServiceOptions {
  config?: HooksimConfig;
  /** Control API / dashboard port (0: any free one). */
  port?: number;
  /** Port of each emulated provider API by its short name (`{ logto: 4401 }`; absent or 0: any free one). */
  ports?: Record<string, number | undefined>;
  /** A JSON file the tenant is loaded from at start (when it exists) and saved to by {@link Service.close}. */
  stateFile?: string;
  env?: Record<string, string | undefined>;
  clock?: Clock;
  guard?: Guard;
  /** Routes added before the control API's (the dashboard's). */
  routes?: (emulator: Emulator) => Route[];
  fallback?: (req: IncomingMessage, res: ServerResponse, url: URL) => void;
  /** Answer in-process hooks' calls to the providers' public origins through msw (default true). */
  interceptPublicOrigins?: boolean;
  warn?: (line: string) => void;
}

/** A running service. */
export interface Service {
  emulator: Emulator;
  server: StartedServer;
  /** Saves the state file (when there is one) and stops everything. */
  close(): Promise<void>;
}

function hasInProcessTargets(config: HooksimConfig | undefined): boolean {
  return Object.values(config?.targets ?? {}).some((target) => typeof target !== 'string' && !(target instanceof URL));
}

/** Starts the emulator and its HTTP server. */
export async function startService(options: ServiceOptions = {}): Promise<Service> {
  const warn = options.warn ?? ((line: string) => process.stderr.write(`${line}\n`));
  const state = options.stateFile ? await readStateFile(options.stateFile) : undefined;
  const emulator = await createEmulator({
    config: options.config,
    ports: options.ports ?? {},
    ...(state ? { state } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    env: options.env ?? {},
    // Only in-process hooks (config targets that are apps) can be reached through msw; URL
    // targets run elsewhere and use the served URLs.
    ...(options.interceptPublicOrigins === false || !hasInProcessTargets(options.config) ? {} : { msw: (apis) => interceptPublicOrigins(apis, warn) }),
  });
  let server: StartedServer;
  try {
    server = await startServer([...(options.routes?.(emulator) ?? []), ...controlRoutes(emulator)], {
      port: options.port ?? 0,
      guard: options.guard,
      fallback: options.fallback,
    });
  } catch (error) {
    await emulator.close();
    throw error;
  }
  let closed = false;
  return {
    emulator,
    server,
    async close() {
      if (closed) return;
      closed = true;
      try {
        if (options.stateFile) await writeStateFile(options.stateFile, emulator.snapshot());
      } finally {
        await Promise.all([server.close(), emulator.close()]);
      }
    },
  };
}

/** Resolves on the first Ctrl-C or SIGTERM (a long-running command's end). */
export function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(signal);
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
}
