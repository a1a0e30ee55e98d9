/**
 * The app's own text is composed Unicode (NFC), like everything it stores: messages, presets and
 * wording pasted from a Mac or typed with Unikey's "Unicode tổ hợp" would otherwise print in
 * the minutes with a box for each combining mark.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const TEXT = /\.(ts|js|svelte|json|sql|md|css|html)$/;

function textFiles(folder: string): string[] {
	return readdirSync(folder).flatMap((entry) => {
		const path = join(folder, entry);
		if (statSync(path).isDirectory()) return entry === 'paraglide' ? [] : textFiles(path);
		return TEXT.test(entry) ? [path] : [];
	});
}

describe('the app’s own text', () => {
	it('is composed (NFC) in every message, source and migration', () => {
		const files = ['messages', 'src', 'static', 'drizzle'].flatMap(textFiles);
		expect(files.length).toBeGreaterThan(100);
		const decomposed = files.filter((path) => {
			const text = readFileSync(path, 'utf8');
			return text !== text.normalize('NFC');
		});
		expect(decomposed).toEqual([]);
	});
});
