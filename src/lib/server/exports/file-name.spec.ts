import { describe, expect, it } from 'vitest';
import { contentDisposition, downloadName, MAX_NAME_BYTES } from './file-name';

const on = (title: string, meetingDate = '2026-12-02') => ({ title, meetingDate });

/** Every Vietnamese vowel with every tone, and đ, in both cases. */
const VOWELS = 'aăâeêioôơuưy';
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const PLAIN = {
	a: 'a',
	ă: 'a',
	â: 'a',
	e: 'e',
	ê: 'e',
	i: 'i',
	o: 'o',
	ô: 'o',
	ơ: 'o',
	u: 'u',
	ư: 'u',
	y: 'y'
};
const EVERY_LETTER = [...VOWELS]
	.flatMap((vowel) => TONES.map((tone) => `${vowel}${tone}`.normalize('NFC')))
	.join('');

/** What a browser does with `filename*`: the value after UTF-8'', percent-decoded. */
function savedName(header: string): string {
	const encoded = /filename\*=UTF-8''(\S+)$/.exec(header)?.[1] ?? '';
	expect(encoded).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
	return decodeURIComponent(encoded);
}

describe('downloadName', () => {
	it('names the file by the meeting date and the title, letters intact and transliterated', () => {
		expect(downloadName(on('Lấy phiếu tín nhiệm giữa nhiệm kỳ'), 'pdf')).toEqual({
			unicode: '2026-12-02 Lấy phiếu tín nhiệm giữa nhiệm kỳ.pdf',
			ascii: '2026-12-02 Lay phieu tin nhiem giua nhiem ky.pdf'
		});
	});

	it('turns every Vietnamese letter, with every tone and in both cases, into plain ASCII', () => {
		for (const [index, vowel] of [...VOWELS].entries()) {
			const letters = EVERY_LETTER.slice(index * TONES.length, (index + 1) * TONES.length);
			const plain = PLAIN[vowel as keyof typeof PLAIN].repeat(TONES.length);
			for (const title of [`${letters} đ`, `${letters.toUpperCase()} Đ`]) {
				const { ascii, unicode } = downloadName(on(title), 'csv');
				const expected = title === `${letters} đ` ? `${plain} d` : `${plain} d`.toUpperCase();
				expect(ascii).toBe(`2026-12-02 ${expected}.csv`);
				expect(unicode).toBe(`2026-12-02 ${title}.csv`);
			}
		}
	});

	it('reads a decomposed title (Unikey, macOS) as its composed form', () => {
		const decomposed = 'Đánh giá quý IV'.normalize('NFD');
		expect(downloadName(on(decomposed), 'xlsx').unicode).toBe('2026-12-02 Đánh giá quý IV.xlsx');
	});

	it('keeps the date alone when the title is empty or only punctuation', () => {
		for (const title of ['', '   ', '///', '"?*<>|', '...', '\n\t']) {
			expect(downloadName(on(title), 'pdf'), JSON.stringify(title)).toEqual({
				unicode: '2026-12-02.pdf',
				ascii: '2026-12-02.pdf'
			});
		}
	});

	it('falls back to a plain name when neither the date nor the title gives one', () => {
		expect(downloadName(on('???', ''), 'json')).toEqual({
			unicode: 'phieu-kin.json',
			ascii: 'phieu-kin.json'
		});
		expect(downloadName(on('Hội nghị', '02/12/2026'), 'json').unicode).toBe('Hội nghị.json');
	});

	it('drops slashes, quotes, backslashes and line breaks that would break the header or a path', () => {
		const { unicode, ascii } = downloadName(
			on('Quý IV/2026 "Chi bộ\\Văn phòng"\r\nContent-Type: text/html; 100% ../x'),
			'pdf'
		);
		expect(unicode).toBe(
			'2026-12-02 Quý IV 2026 Chi bộ Văn phòng Content-Type text html; 100% .. x.pdf'
		);
		expect(ascii).toBe(
			'2026-12-02 Quy IV 2026 Chi bo Van phong Content-Type text html 100 .. x.pdf'
		);
		for (const name of [unicode, ascii]) expect(name).not.toMatch(/[\\/"\r\n]/);
	});

	it('caps a very long title to whole characters that fit a file name, extension kept', () => {
		const title = 'Lấy phiếu tín nhiệm đối với người giữ chức vụ '.repeat(20);
		const { unicode, ascii } = downloadName(on(title), 'xlsx');
		expect(new TextEncoder().encode(unicode).length).toBeLessThanOrEqual(MAX_NAME_BYTES);
		expect(ascii.length).toBeLessThanOrEqual(MAX_NAME_BYTES);
		expect(ascii.length).toBeGreaterThan(MAX_NAME_BYTES - 20);
		for (const name of [unicode, ascii]) {
			expect(name).toMatch(/^2026-12-02 L\S+ .*\S\.xlsx$/);
			expect(name).not.toContain('\uFFFD');
		}
		expect(unicode.normalize('NFC')).toBe(unicode);
	});
});

describe('contentDisposition', () => {
	it('gives an ASCII filename and the full Vietnamese name in filename* (RFC 6266, 5987)', () => {
		const header = contentDisposition(on('Lấy phiếu (lần 2) 100% *đạt*'), 'pdf');
		expect(header).toMatch(/^attachment; filename="2026-12-02 Lay phieu \(lan 2\) 100 dat\.pdf"; /);
		expect(header).toMatch(/^[\x20-\x7e]+$/);
		expect(savedName(header)).toBe('2026-12-02 Lấy phiếu (lần 2) 100% đạt.pdf');
	});

	it('never lets a quote or a line break out of the quoted fallback', () => {
		const header = contentDisposition(on("a\"; filename*=UTF-8''evil.exe\r\nX: y"), 'csv');
		expect(header.match(/"/g)).toHaveLength(2);
		expect(header).not.toMatch(/[\r\n]/);
		expect(savedName(header)).toBe("2026-12-02 a ; filename =UTF-8''evil.exe X y.csv");
	});
});
