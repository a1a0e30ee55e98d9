/**
 * Pieces the minutes of both kinds of session are laid out with (pdfmake content).
 */
import type { Content, Margins } from 'pdfmake/interfaces';
import { m } from '$lib/paraglide/messages.js';
import { GRADE_ABBREVIATIONS, type Grade } from '$lib/tally/grades';

/**
 * A section's heading; `headlineLevel` lets the document's page-break rule keep it with what
 * follows instead of leaving it alone at the foot of a page.
 */
export function sectionHeading(text: string, margin: Margins): Content {
	return { text, bold: true, margin, headlineLevel: 1 };
}

/** A grade as the official abbreviation, or a dash for none. */
export const grade = (value: Grade | null) => (value ? GRADE_ABBREVIATIONS[value] : '—');

/** " (Điều 11 khoản 2)", or nothing for rules stored without their articles. */
export const inBrackets = (article: string) => (article ? m.base_article({ article }) : '');
