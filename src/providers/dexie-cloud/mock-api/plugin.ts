import type { MockApiPlugin } from '../../types.js';
import type { DexieOutcome } from '../outcome.js';

/** Dexie Cloud's REST API for scenarios: the users the hook's decisions create land in its database. */
export const dexieMockApi: MockApiPlugin = {
  async create(spec, { now }) {
    const { applyNewUserOutcome, createDexieMockApi } = await import('./index.js');
    const api = createDexieMockApi({ database: { now }, ...(spec.baseUrl ? { baseUrl: spec.baseUrl } : {}) });
    return { api, afterDelivery: (outcome) => void applyNewUserOutcome(api.database, outcome as DexieOutcome) };
  },
};
