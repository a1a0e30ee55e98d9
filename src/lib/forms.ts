/**
 * What a refused form action sends back, declared once for the server that writes it
 * ($lib/server/http/forms) and the field components that show it. A component showing one
 * page's form takes that page's `ActionData` from `./$types` instead, so its answers are typed
 * by the actions themselves.
 */

/** Messages by field name; a field without any is absent or `undefined`. */
export type FieldErrors = Record<string, string[] | undefined>;

/** What was typed, by field name, to refill a refused form; never a secret field. */
export type FieldValues = Record<string, string>;
