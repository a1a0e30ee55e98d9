/**
 * A time of day as people type it, on the 24-hour clock Vietnamese documents use, whatever the
 * browser's language (a time input shows "08:30 AM" in an English browser). Pure.
 *
 * Read: `08:30`, `8:30`, `8.30`, `8h30`, `8g30`, `8h`, `8 giờ 30`, `8 giờ` (spaces allowed), and
 * `0830` or `830` (a phone's numeric keypad may have no colon). Refused: an hour past 23 or a
 * minute past 59, and anything else, such as "8:30 PM": a 24-hour clock has no AM or PM.
 */
export type TimeEntry = { ok: true; time: string } | { ok: false; problem: 'empty' | 'format' };

/** After a colon or a dot the minutes are due; after "h", "g" or "giờ" they may be left out. */
const FORMS = [
	/^(?<hour>\d{1,2})\s*[:.]\s*(?<minute>\d{2})$/u,
	/^(?<hour>\d{1,2})\s*(?:h|g|giờ)\s*(?<minute>\d{2})?$/iu,
	/^(?<hour>\d{1,2})(?<minute>\d{2})$/u
];

export function parseTimeEntry(text: string): TimeEntry {
	const entry = text.normalize('NFKC').trim();
	if (!entry) return { ok: false, problem: 'empty' };
	const parts = FORMS.map((form) => form.exec(entry)?.groups).find(Boolean);
	if (!parts) return { ok: false, problem: 'format' };
	const hour = Number(parts.hour);
	const minute = Number(parts.minute ?? '0');
	if (hour > 23 || minute > 59) return { ok: false, problem: 'format' };
	return { ok: true, time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` };
}
