/**
 * How a ballot travels between the phone and the server without its length telling anything:
 * TLS hides what is sent, not how much, and whoever runs the room's Wi-Fi sees every size. So
 * every mark and every score goes in a code of one fixed width, every row is always sent, and
 * the words a page repeats back (a total, a count) are padded to the widest they could be.
 * Shared by the server's ballot form, the vote components and, written again in plain script,
 * /ballot.js. Pure.
 */

/**
 * A choice's code on the phone's forms: its place among the options from 1, `0` for a row left
 * blank. One character, since a ballot has at most five options (four grades and a blank).
 */
export const BLANK_CODE = '0';

export function choiceCode(options: readonly string[], choice: string | null): string {
	return choice === null ? BLANK_CODE : String(options.indexOf(choice) + 1);
}

/**
 * A posted choice: its code, or its name (the paper form and scripts post names; the phone's
 * forms never do). `null` for a row left blank, `undefined` for anything else.
 */
export function readChoice(options: readonly string[], posted: string): string | null | undefined {
	if (posted === BLANK_CODE || posted === 'blank') return null;
	if (/^[1-9]$/.test(posted)) return options[Number(posted) - 1];
	return options.includes(posted) ? posted : undefined;
}

/** A criterion left empty, as the phone posts it: as wide as a score. */
export const EMPTY_SCORE = '-----';

/**
 * A score's code: points with one decimal, zero-padded to five characters ("004.5", "100.0"),
 * which the server also reads as a number typed by hand. A criterion is worth 100 points at most.
 */
export function scoreCode(halfPoints: number | null): string {
	return halfPoints === null ? EMPTY_SCORE : (halfPoints / 2).toFixed(1).padStart(5, '0');
}

/** The widest score a field shows again, in bytes: "99,5". */
export const SCORE_TEXT_BYTES = 4;

const encoder = new TextEncoder();

/**
 * Filler for a `data-pad` attribute beside `text`, bringing the two to `bytes` bytes of UTF-8
 * whatever the text: `text` must differ from its widest form only in characters that HTML does
 * not escape (digits, words), so that its length in the page is its length here.
 */
export function filler(text: string, bytes: number): string {
	return 'x'.repeat(Math.max(0, bytes - encoder.encode(text).length));
}

export function byteLength(text: string): number {
	return encoder.encode(text).length;
}
