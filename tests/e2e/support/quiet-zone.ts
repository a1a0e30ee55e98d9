import type { GreyImage } from './print';

/**
 * Finds the QR symbols on a printed page by their three finder patterns (the 1:1:3:1:1 dark and
 * light bands a phone's decoder looks for), and measures the white around each: the standard
 * asks for four modules on every side with nothing in them.
 */
export interface QrSymbol {
	left: number;
	top: number;
	right: number;
	bottom: number;
	/** One module, in pixels. */
	module: number;
}

interface Finder {
	x: number;
	y: number;
	module: number;
	left: number;
	right: number;
	top: number;
	bottom: number;
}

const DARK = 128;

interface Run {
	dark: boolean;
	start: number;
	length: number;
}

function runs(length: number, dark: (index: number) => boolean): Run[] {
	const found: Run[] = [];
	for (let index = 0; index < length; index++) {
		const isDark = dark(index);
		const last = found.at(-1);
		if (last && last.dark === isDark) last.length++;
		else found.push({ dark: isDark, start: index, length: 1 });
	}
	return found;
}

/** The five runs from `at` read as a finder's cross-section: its module size, or null. */
function finderRatio(list: Run[], at: number): number | null {
	const five = list.slice(at, at + 5);
	if (five.length < 5 || !five[0]?.dark) return null;
	const total = five.reduce((sum, run) => sum + run.length, 0);
	const module = total / 7;
	if (module < 2) return null;
	const expected = [1, 1, 3, 1, 1];
	const fits = five.every(
		(run, index) => Math.abs(run.length - (expected[index] as number) * module) <= module * 0.6
	);
	return fits ? module : null;
}

function findFinders(image: GreyImage): Finder[] {
	const { width, height, pixels } = image;
	const dark = (x: number, y: number) => (pixels[y * width + x] as number) < DARK;
	const hits: Finder[] = [];
	for (let y = 0; y < height; y++) {
		const row = runs(width, (x) => dark(x, y));
		for (let index = 0; index + 4 < row.length; index++) {
			const module = finderRatio(row, index);
			if (module === null) continue;
			const centre = row[index + 2] as Run;
			const x = Math.round(centre.start + centre.length / 2);
			// Confirmed only if the column through its centre crosses the same pattern.
			const column = runs(height, (yy) => dark(x, yy));
			const at = column.findIndex((run) => run.start <= y && y < run.start + run.length);
			if (at < 2 || finderRatio(column, at - 2) === null) continue;
			const first = row[index] as Run;
			const last = row[index + 4] as Run;
			const top = column[at - 2] as Run;
			const bottom = column[at + 2] as Run;
			hits.push({
				x,
				y: (column[at] as Run).start + (column[at] as Run).length / 2,
				module,
				left: first.start,
				right: last.start + last.length,
				top: top.start,
				bottom: bottom.start + bottom.length
			});
		}
	}
	// A finder's three-module centre is crossed by as many rows; a chance look-alike in the data
	// by a few. One finder per cluster of hits, kept if most of its centre matched.
	const clusters: { finder: Finder; hits: number }[] = [];
	for (const hit of hits) {
		const same = clusters.find(
			({ finder }) =>
				Math.abs(finder.x - hit.x) < finder.module * 2 &&
				Math.abs(finder.y - hit.y) < finder.module * 2
		);
		if (same) same.hits++;
		else clusters.push({ finder: hit, hits: 1 });
	}
	return clusters
		.filter(({ finder, hits }) => hits >= finder.module * 2)
		.map(({ finder }) => finder);
}

/** Groups finders into symbols: a top-left one with its nearest partners right and below. */
export function qrSymbols(image: GreyImage): QrSymbol[] {
	const finders = findFinders(image);
	const symbols: QrSymbol[] = [];
	for (const corner of finders) {
		const near = (other: Finder) => Math.abs(other.module - corner.module) < corner.module * 0.3;
		const right = finders
			.filter((f) => near(f) && Math.abs(f.y - corner.y) < corner.module && f.x > corner.x)
			.sort((a, b) => a.x - b.x)[0];
		const below = finders
			.filter((f) => near(f) && Math.abs(f.x - corner.x) < corner.module && f.y > corner.y)
			.sort((a, b) => a.y - b.y)[0];
		if (!right || !below) continue;
		if (Math.abs(right.x - corner.x - (below.y - corner.y)) > corner.module * 2) continue;
		symbols.push({
			left: corner.left,
			top: corner.top,
			right: right.right,
			bottom: below.bottom,
			module: (corner.module + right.module + below.module) / 3
		});
	}
	return symbols;
}

/**
 * Modules of white around the symbol on its least white side, counted up to `wanted`: anything
 * darker than light grey (a cut line, a letter, the edge of the page) ends the count.
 */
export function quietModules(image: GreyImage, symbol: QrSymbol, wanted = 4): number {
	const { width, height, pixels } = image;
	const white = (x: number, y: number) =>
		x >= 0 && y >= 0 && x < width && y < height && (pixels[y * width + x] as number) >= 200;
	// One pixel next to the symbol may be grey where its edge was smoothed.
	const ring = (distance: number) => {
		const left = symbol.left - distance;
		const right = symbol.right - 1 + distance;
		const top = symbol.top - distance;
		const bottom = symbol.bottom - 1 + distance;
		for (let x = left; x <= right; x++) if (!white(x, top) || !white(x, bottom)) return false;
		for (let y = top; y <= bottom; y++) if (!white(left, y) || !white(right, y)) return false;
		return true;
	};
	const limit = Math.ceil(wanted * symbol.module);
	for (let distance = 2; distance <= limit; distance++) {
		if (!ring(distance)) return (distance - 1) / symbol.module;
	}
	return wanted;
}
