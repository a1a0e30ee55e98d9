import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What a printer gets: the page printed by Chromium to an A4 PDF, print styles applied. */
export async function printToPdf(page: Page): Promise<string> {
	await page.emulateMedia({ media: 'print' });
	const file = join(mkdtempSync(join(tmpdir(), 'phieukin-print-')), 'print.pdf');
	writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }));
	await page.emulateMedia({ media: 'screen' });
	return file;
}

/** The text poppler reads from one page of a PDF (1-based), optionally from a part of it in points. */
export function pdfText(
	file: string,
	options: { page?: number; layout?: boolean; crop?: { x: number; width: number } } = {}
): string {
	const args = options.layout === false ? [] : ['-layout'];
	if (options.page) args.push('-f', String(options.page), '-l', String(options.page));
	if (options.crop) {
		// pdftotext crops in pixels at -r, 72 by default: PDF points.
		args.push('-x', String(options.crop.x), '-y', '0', '-W', String(options.crop.width));
		args.push('-H', '100000');
	}
	return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
}

export interface GreyImage {
	width: number;
	height: number;
	/** One byte per pixel, 0 black to 255 white, row by row. */
	pixels: Buffer;
}

export interface RasterPage {
	png: string;
	grey: GreyImage;
}

/** Every page of a PDF as pdftoppm draws it at `dpi`: a PNG and the same page in grey levels. */
export function rasterise(file: string, dpi = 200): RasterPage[] {
	const directory = mkdtempSync(join(tmpdir(), 'phieukin-raster-'));
	execFileSync('pdftoppm', ['-r', String(dpi), '-png', file, join(directory, 'page')]);
	execFileSync('pdftoppm', ['-r', String(dpi), '-gray', file, join(directory, 'grey')]);
	const named = (prefix: string, extension: string) =>
		readdirSync(directory)
			.filter((name) => name.startsWith(prefix) && name.endsWith(extension))
			.sort()
			.map((name) => join(directory, name));
	const pngs = named('page', '.png');
	return named('grey', '.pgm').map((pgm, index) => ({
		png: pngs[index] as string,
		grey: readPgm(pgm)
	}));
}

function readPgm(file: string): GreyImage {
	const data = readFileSync(file);
	// Binary PGM: "P5", width, height, maxval, one whitespace, then the pixels.
	const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'));
	if (!header) throw new Error(`${file} is not a binary PGM`);
	const [text, width, height] = header;
	return {
		width: Number(width),
		height: Number(height),
		pixels: data.subarray(text.length)
	};
}

/** What a phone camera reads from a printed page: every QR code zbarimg decodes, in any order. */
export function decodeQrCodes(png: string): string[] {
	try {
		const out = execFileSync('zbarimg', ['--raw', '-q', '--nodbus', png], { encoding: 'utf8' });
		return out.split('\n').filter((line) => line !== '');
	} catch (error) {
		// zbarimg exits with 4 when the image holds no code at all.
		if ((error as { status?: number }).status === 4) return [];
		throw error;
	}
}
