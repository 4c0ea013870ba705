import type { JsonObject } from '../../../core/json.js';
import type { EventVariant } from '../../types.js';
import type { LogtoActor } from '../identity.js';
import { iso, withUser } from './context.js';
import type { LogtoEventInput } from './types.js';

/**
 * The four adaptive-MFA rules as Logto's validator reports them
 * (packages/core/src/routes/experience/classes/libraries/adaptive-mfa-validator: `types.ts`,
 * `rules/*.ts`, `constants.ts`). Each variant triggers one rule; `details` are built key by key
 * as the rule builds them, from the actor's own sign-in history.
 */
export const adaptiveMfaVariants: readonly EventVariant[] = [
  { name: 'new-country', summary: 'rule new_country: {currentCountry, windowDays: 180, recentCountries: [{country, lastSignInAt}]}' },
  { name: 'geo-velocity', summary: 'rule geo_velocity: an impossible trip since the last sign-in (> 900 km/h)' },
  { name: 'long-inactivity', summary: 'rule long_inactivity: no sign-in for more than 30 days' },
  { name: 'untrusted-ip', summary: 'rule untrusted_ip: {signals: {botScore, botVerified}, matchedSignals: ["botScore<30"]}' },
];

/** `constants.ts`: the rules' thresholds. */
export const ADAPTIVE_MFA_THRESHOLDS = { newCountryWindowDays: 180, geoVelocityKmh: 900, longInactivityDays: 30, minBotScore: 30 } as const;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Where sign-ins come from: country code, city, coordinates (far apart on purpose). */
const PLACES = [
  { country: 'DE', city: 'Berlin', latitude: 52.52, longitude: 13.405 },
  { country: 'US', city: 'New York', latitude: 40.7128, longitude: -74.006 },
  { country: 'JP', city: 'Tokyo', latitude: 35.6762, longitude: 139.6503 },
  { country: 'BR', city: 'São Paulo', latitude: -23.5505, longitude: -46.6333 },
  { country: 'AU', city: 'Sydney', latitude: -33.8688, longitude: 151.2093 },
] as const;

/** `roundTo` of utils.ts: `Number(value.toFixed(2))`. */
const roundTo = (value: number) => Number(value.toFixed(2));

/** Great-circle distance in km, as the `haversine-distance` package computes it (R = 6 378 137 m). */
export function haversineKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const hav = (x: number) => Math.sin(x / 2) ** 2;
  const h = hav(rad(b.latitude) - rad(a.latitude)) + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * hav(rad(b.longitude) - rad(a.longitude));
  return (2 * 6_378_137 * Math.asin(Math.sqrt(h))) / 1000;
}

/**
 * The rule the variant triggers and the actor as the rule saw it. Rules need a previous sign-in;
 * geo_velocity and long_inactivity move it (recent enough for an impossible trip, old enough for
 * inactivity) so that the rule really fires and `user.lastSignInAt` matches `details`.
 */
export function adaptiveMfaRuleFor(input: LogtoEventInput): { rule: { rule: string; details: JsonObject }; actor: LogtoActor } {
  const { draws } = input;
  const [previous, current] = draws.sample(PLACES, 2) as [(typeof PLACES)[number], (typeof PLACES)[number]];
  const lastSignInAt = input.actor.user.lastSignInAt ?? input.now - 2 * DAY;
  switch (input.variant) {
    case 'geo-velocity': {
      const at = input.now - draws.int(1 * HOUR, 4 * HOUR);
      const distanceKm = haversineKm(previous, current);
      const durationHours = (input.now - at) / HOUR;
      const details: JsonObject = {
        previous: { country: { country: previous.country, lastSignInAt: at }, at: iso(at) },
        current: { country: current.country, city: current.city, at: iso(input.now) },
        distanceKm: roundTo(distanceKm),
        durationHours: roundTo(durationHours),
        speedKmh: roundTo(distanceKm / durationHours),
        thresholdKmh: ADAPTIVE_MFA_THRESHOLDS.geoVelocityKmh,
      };
      return { rule: { rule: 'geo_velocity', details }, actor: withUser(input.actor, { lastSignInAt: at }) };
    }
    case 'long-inactivity': {
      const at = Math.min(lastSignInAt, input.now - draws.int(31 * DAY, 200 * DAY));
      const details: JsonObject = {
        lastSignInAt: iso(at),
        inactivityDays: roundTo((input.now - at) / DAY),
        thresholdDays: ADAPTIVE_MFA_THRESHOLDS.longInactivityDays,
      };
      return { rule: { rule: 'long_inactivity', details }, actor: withUser(input.actor, { lastSignInAt: at }) };
    }
    case 'untrusted-ip': {
      const botScore = draws.int(1, ADAPTIVE_MFA_THRESHOLDS.minBotScore - 1);
      const details: JsonObject = { signals: { botScore, botVerified: false }, matchedSignals: [`botScore<${ADAPTIVE_MFA_THRESHOLDS.minBotScore}`] };
      return { rule: { rule: 'untrusted_ip', details }, actor: input.actor };
    }
    default: {
      // new_country: the current country is not among the countries of the last 180 days.
      const details: JsonObject = {
        currentCountry: current.country,
        windowDays: ADAPTIVE_MFA_THRESHOLDS.newCountryWindowDays,
        recentCountries: [{ country: previous.country, lastSignInAt }],
      };
      return { rule: { rule: 'new_country', details }, actor: withUser(input.actor, { lastSignInAt }) };
    }
  }
}
