import { z } from 'zod';
import type { FieldErrors, FieldValues } from '$lib/forms';
import { m } from '$lib/paraglide/messages.js';

/**
 * Zod's own messages are English; every issue a schema does not word itself gets one of ours,
 * evaluated per request so it follows the user's language.
 */
z.config({
	customError: (issue) => {
		switch (issue.code) {
			case 'invalid_type':
				return issue.input === undefined ? m.validation_required() : m.validation_invalid();
			case 'too_small':
				if (issue.origin === 'string') {
					return Number(issue.minimum) <= 1
						? m.validation_required()
						: m.validation_too_short({ min: Number(issue.minimum) });
				}
				return m.validation_too_small({ min: Number(issue.minimum) });
			case 'too_big':
				return issue.origin === 'string'
					? m.validation_too_long({ max: Number(issue.maximum) })
					: m.validation_too_big({ max: Number(issue.maximum) });
			default:
				return m.validation_invalid();
		}
	}
});

export type FormResult<T> =
	| { ok: true; data: T; values: FieldValues }
	| { ok: false; errors: FieldErrors; values: FieldValues };

/** Typed helpers so that every action answers with one shape of `errors`. */
export const noErrors = (): FieldErrors => ({});
export const errorOn = (field: string, message: string): FieldErrors => ({ [field]: [message] });

/** Field names matching this are never sent back to refill a form. */
const SECRET_FIELD = /password|token|code/i;

/**
 * Passwords stay exactly as typed: they are checked against hashes of what accounts typed before
 * text was normalised here, and a password set in decomposed form would no longer match.
 */
const VERBATIM_FIELD = /password/i;

/**
 * A form's fields as text, in Unicode's composed form (NFC). Vietnamese typed with Unikey's
 * "Unicode tổ hợp" or on macOS arrives decomposed ("e" then a combining mark): it looks the
 * same on screen, but would compare, sort and print differently (the minutes' fonts draw the
 * combining marks as boxes). Every form goes through here, so no field can forget.
 *
 * A field sent twice or a file where text was expected is an error of its own: silently taking
 * the first or the last value would let a crafted request mean something the form never showed.
 */
export function readFields(
	formData: FormData,
	repeatable: readonly string[] = []
): { raw: Record<string, string | string[]>; errors: FieldErrors } {
	const raw: Record<string, string | string[]> = {};
	const errors: FieldErrors = {};
	for (const [key, value] of formData) {
		if (typeof value !== 'string') {
			errors[key] = [m.validation_invalid()];
			continue;
		}
		const text = VERBATIM_FIELD.test(key) ? value : value.normalize('NFC');
		if (repeatable.includes(key)) {
			raw[key] = [...((raw[key] as string[] | undefined) ?? []), text];
		} else if (key in raw) {
			errors[key] = [m.validation_duplicate_field()];
		} else {
			raw[key] = text;
		}
	}
	return { raw, errors };
}

/** Reads a form into a plain object for zod (see `readFields`). */
export function parseForm<S extends z.ZodType>(
	schema: S,
	formData: FormData,
	repeatable: readonly string[] = []
): FormResult<z.output<S>> {
	const { raw, errors } = readFields(formData, repeatable);
	const values: FieldValues = {};
	for (const [key, value] of Object.entries(raw)) {
		if (typeof value === 'string' && !SECRET_FIELD.test(key)) values[key] = value;
	}
	if (Object.keys(errors).length > 0) return { ok: false, errors, values };

	const parsed = schema.safeParse(raw);
	if (!parsed.success) {
		return { ok: false, errors: z.flattenError(parsed.error).fieldErrors, values };
	}
	return { ok: true, data: parsed.data, values };
}
