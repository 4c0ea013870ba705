/**
 * What the type checker knows of each built-in provider: its events with their variants, the
 * options it accepts and what it makes of a reply. `send()` and `prepareEvent()` read this map, so
 * a misspelt event, variant or option name is a compile error and `result.outcome` is typed.
 *
 * Empty here: each provider adds its own entry from its folder by declaration merging
 * (`declare module '../typed.js' { interface ProviderTypes { acme: {...} } }` in its index.ts),
 * so this file names no provider. Within hooksim the registry imports every built-in; a package
 * consumer sees the entries of the providers the package entry (index.ts) exports.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ProviderTypes {}

/** A built-in provider's name. */
export type ProviderName = keyof ProviderTypes;
/** The events of provider `P`. */
export type EventName<P extends ProviderName> = P extends ProviderName ? keyof ProviderTypes[P]['variants'] & string : never;
/** The trigger variants of event `E` of provider `P`. */
export type VariantName<P extends ProviderName, E extends EventName<P>> = P extends ProviderName
  ? E extends keyof ProviderTypes[P]['variants']
    ? ProviderTypes[P]['variants'][E] & string
    : never
  : never;
/** The options provider `P` accepts (defaults filled in by hooksim). */
export type OptionsOf<P extends ProviderName> = ProviderTypes[P]['options'];
/** What provider `P` makes of a reply: `result.outcome`. */
export type OutcomeOf<P extends ProviderName> = ProviderTypes[P]['outcome'];
