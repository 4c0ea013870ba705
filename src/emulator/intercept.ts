import type { MockApi } from '../mock-apis/types.js';

/**
 * Answers in-process hooks' calls to the mock APIs' public origins (`https://default.logto.app`)
 * through msw, so the bundled demo hooks that call the provider back work in the emulator.
 * msw is an optional peer: without it (or when something else already intercepts requests in
 * this process) the emulator runs on, and `warn` says what is missing once.
 */
export async function interceptPublicOrigins(apis: MockApi[], warn: (line: string) => void): Promise<({ close(): void } & { use(...handlers: never[]): void }) | undefined> {
  try {
    const { startMockApis } = await import('../mock-apis/msw.js');
    return await startMockApis(...apis);
  } catch (error) {
    warn(`hooksim: in-process hooks' calls to ${apis.map((api) => new URL(api.baseUrl).origin).join(' and ')} are not answered (${(error as Error).message.replace(/^hooksim: /, '')}); hooks that use the served mock API URLs are unaffected`);
    return undefined;
  }
}
