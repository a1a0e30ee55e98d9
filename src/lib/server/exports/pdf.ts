/**
 * pdfmake as every PDF of the app uses it: its own Roboto font embedded, which carries every
 * Vietnamese diacritic (the text stays selectable), and no file or URL read but the fonts. With
 * the header every official document of the body opens with.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Content, DynamicContent } from 'pdfmake/interfaces';
import type { DateParts } from '$lib/format';
import { m } from '$lib/paraglide/messages.js';
import type { Issuer } from '$lib/tally/presets';

const require = createRequire(import.meta.url);
export const pdfmake = require('pdfmake') as typeof import('pdfmake');
const FONT_DIRECTORY = join(dirname(require.resolve('pdfmake/fonts/Roboto.js')), 'Roboto');

pdfmake.setFonts({
	Roboto: {
		normal: join(FONT_DIRECTORY, 'Roboto-Regular.ttf'),
		bold: join(FONT_DIRECTORY, 'Roboto-Medium.ttf'),
		italics: join(FONT_DIRECTORY, 'Roboto-Italic.ttf'),
		bolditalics: join(FONT_DIRECTORY, 'Roboto-MediumItalic.ttf')
	}
});
// The document is built from our own data only: no URL is fetched, only the font files are read.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => path.startsWith(FONT_DIRECTORY));

export interface DocumentHeader {
	organisation: string;
	/** The body within the organisation that issues the document (the tally committee), if any. */
	body: string | null;
	issuer: Issuer;
	place: string;
	date: DateParts;
}

/**
 * The header of an official document of the body: the body on the left, the nation (and the
 * motto, for a state body) on the right, then the place and date.
 */
export function documentHeader(header: DocumentHeader): Content {
	const nation: Content =
		header.issuer === 'party'
			? { text: m.minutes_nation_party(), bold: true, decoration: 'underline' }
			: {
					stack: [
						{ text: m.minutes_nation_state(), bold: true },
						{ text: m.minutes_motto_state(), bold: true, decoration: 'underline' }
					]
				};
	return {
		columns: [
			{
				width: '42%',
				alignment: 'center',
				stack: [
					{ text: header.organisation.toUpperCase(), bold: true },
					header.body ? { text: header.body, bold: true } : [],
					header.issuer === 'party' ? { text: '*' } : { text: '—' }
				]
			},
			{
				width: '*',
				alignment: 'center',
				stack: [
					nation,
					{
						text: m.minutes_place_date({ place: header.place, ...header.date }),
						italics: true,
						margin: [0, 6, 0, 0]
					}
				]
			}
		],
		columnGap: 12,
		fontSize: 11
	};
}

/** "2/3" at the foot of every page. */
export const pageNumbers: DynamicContent = (current, count) => ({
	text: `${current}/${count}`,
	alignment: 'center',
	fontSize: 8,
	margin: [0, 16, 0, 0]
});
