/**
 * The name a download is saved under: the meeting date, then the session's title, as a
 * secretary files it ("2026-12-02 Lấy phiếu tín nhiệm giữa nhiệm kỳ.pdf"). The header carries
 * it twice (RFC 6266): `filename*` in UTF-8 with the full Vietnamese title (RFC 5987), and a
 * plain-ASCII `filename` for the few clients that read nothing else.
 */

/** Under the 255 bytes most file systems allow for a name, in UTF-8, whatever the title. */
export const MAX_NAME_BYTES = 200;

/** Characters no file system or browser accepts in a name, and every control character. */
const UNSAFE = /[\\/:*?"<>|\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** Collapses runs of spaces and strips what cannot start or end a name (dots, spaces, dashes). */
function tidy(text: string): string {
	return text.replace(/\s+/gu, ' ').replace(/^[\s.-]+|[\s.-]+$/gu, '');
}

/** The longest prefix of whole characters that fits in `bytes` of UTF-8. */
function fitBytes(text: string, bytes: number): string {
	const encoder = new TextEncoder();
	let kept = '';
	let used = 0;
	for (const character of text) {
		used += encoder.encode(character).length;
		if (used > bytes) break;
		kept += character;
	}
	return kept;
}

/** "Lấy phiếu tín nhiệm" → "Lay phieu tin nhiem": Vietnamese letters without their marks. */
export function transliterate(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/đ/g, 'd')
		.replace(/Đ/g, 'D')
		.normalize('NFC');
}

function buildName(date: string, title: string, extension: string): string {
	const suffix = `.${extension}`;
	const stem = tidy([date, title].filter(Boolean).join(' '));
	const fitted = tidy(fitBytes(stem, MAX_NAME_BYTES - suffix.length));
	return `${fitted || 'phieu-kin'}${suffix}`;
}

export interface DownloadName {
	/** The full name, Vietnamese letters intact (NFC). */
	unicode: string;
	/** Letters, digits, spaces and `-_.,()+&'` only. */
	ascii: string;
}

/** `meetingDate` is an ISO calendar date; anything else is left out of the name. */
export function downloadName(
	session: { meetingDate: string; title: string },
	extension: string
): DownloadName {
	const date = /^\d{4}-\d{2}-\d{2}$/.test(session.meetingDate) ? session.meetingDate : '';
	const title = session.title.normalize('NFC').replace(UNSAFE, ' ');
	return {
		unicode: buildName(date, title, extension),
		ascii: buildName(date, transliterate(title).replace(/[^A-Za-z0-9 _.,()+&'-]/g, ' '), extension)
	};
}

/** RFC 5987's attr-char leaves out `'()*`, which encodeURIComponent lets through. */
function encodeAttribute(value: string): string {
	return encodeURIComponent(value).replace(
		/['()*]/g,
		(character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`
	);
}

/** `attachment; filename="…"; filename*=UTF-8''…` for a session's download. */
export function contentDisposition(
	session: { meetingDate: string; title: string },
	extension: string
): string {
	const { unicode, ascii } = downloadName(session, extension);
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeAttribute(unicode)}`;
}
