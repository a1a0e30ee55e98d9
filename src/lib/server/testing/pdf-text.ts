/**
 * A PDF's text as poppler's pdftotext reads it back, composed (NFC): pages apart, or as one line
 * with spaces and line breaks collapsed, for the tests of the minutes.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function pdfPages(pdf: Buffer): string[] {
	const file = join(mkdtempSync(join(tmpdir(), 'phieukin-pdf-')), 'document.pdf');
	writeFileSync(file, pdf);
	const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).normalize('NFC');
	// pdftotext ends every page with a form feed.
	return text.split('\f').slice(0, -1);
}

/** The whole text on one line, without the page numbers ("2/3") the minutes' footer adds. */
export function pdfText(pdf: Buffer): string {
	return pdfPages(pdf)
		.map((page) => page.replace(/\s*\d+\/\d+\s*$/, ''))
		.join(' ')
		.replace(/\s+/g, ' ');
}
