/**
 * The year's summary as an A4 landscape PDF: the body's header, the title, what the year is
 * graded by, one row per person (quarters I–IV, year score, year grade with its reasons, quarters
 * not completed), the cap at year level and the signature of the head of the unit.
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { DisplayLocale } from '$lib/format';
import { m } from '$lib/paraglide/messages.js';
import { GRADE_ABBREVIATIONS } from '$lib/tally/grades';
import { quartersText, yearBasis, yearGradeNotes } from '$lib/year-notes';
import { documentHeader, pageNumbers, pdfmake } from './pdf';
import { pointsText, QUARTERS, quarterHeading, quarterText, type YearDocument } from './year';

function peopleTable({ view }: YearDocument, locale: DisplayLocale): Content {
	const options = { locale };
	const heading = [
		m.results_number({}, options),
		m.results_person({}, options),
		...QUARTERS.map((quarter) => quarterHeading(view, quarter, locale)),
		m.year_score({}, options),
		m.year_grade({}, options),
		m.year_not_completed({}, options)
	].map((text): TableCell => ({ text, bold: true }));
	const rows = view.rows.map((person, index): TableCell[] => [
		String(index + 1),
		{
			text: [{ text: person.fullName, bold: true }, person.jobTitle ? `\n${person.jobTitle}` : '']
		},
		...person.quarters.map((quarter) => ({
			text: quarterText(quarter, locale),
			alignment: 'center' as const
		})),
		{
			text: person.score
				? [
						{ text: pointsText(person.score, locale), bold: true },
						{
							text: `\n${m.year_scored_quarters({ count: person.scoredQuarters }, options)}`,
							fontSize: 7
						}
					]
				: m.year_no_score({}, options),
			alignment: 'center'
		},
		{
			stack: [
				{ text: person.grade ? GRADE_ABBREVIATIONS[person.grade] : '—', bold: true },
				...yearGradeNotes(person, locale).map((note) => ({ text: note, fontSize: 7 }))
			]
		},
		quartersText(person.notCompletedQuarters, locale) || '—'
	]);
	return {
		table: {
			headerRows: 1,
			widths: ['auto', 130, 62, 62, 62, 62, 62, '*', 60],
			body: [heading, ...rows]
		},
		fontSize: 9
	};
}

function capLines({ view }: YearDocument, locale: DisplayLocale): Content {
	if (!view.rules.ratio) return [];
	const options = { locale };
	const names = new Map(view.rows.map((row) => [row.personId, row.fullName]));
	const named = (ids: readonly string[]) => ids.map((id) => names.get(id) ?? '').join(', ');
	const grouped = view.cap.length > 1 || view.cap.some((group) => group.group !== '');
	return [
		{ text: m.year_cap_heading({}, options), bold: true, margin: [0, 8, 0, 2] },
		{
			ul: view.cap.map((group) =>
				[
					grouped
						? m.year_cap_group({ group: group.group || m.duty_group_default({}, options) }, options)
						: '',
					m.year_cap_counts(
						{ candidates: group.candidates, good: group.goodBefore, allowed: group.allowed },
						options
					),
					group.moves.length > 0
						? m.cap_demoted(
								{ count: group.moves.length, names: named(group.moves.map((move) => move.id)) },
								options
							)
						: '',
					group.tie
						? m.year_cap_tie({ names: named(group.tie.ids), slots: group.tie.slots }, options)
						: ''
				]
					.filter(Boolean)
					.join(' ')
			),
			fontSize: 9
		}
	];
}

/** The head of the unit signs on the right, as on the unit's own documents. */
function signature({ view }: YearDocument, locale: DisplayLocale): Content {
	const options = { locale };
	const title =
		view.rules.preset.issuer === 'party'
			? m.year_signature_party({}, options)
			: m.year_signature_state({}, options);
	return {
		columns: [
			{ width: '*', text: '' },
			{
				width: 260,
				alignment: 'center',
				stack: [
					{ text: title.toUpperCase(), bold: true },
					{ text: m.minutes_signature_hint({}, options), italics: true, fontSize: 9 },
					{ text: ' \n\n\n' }
				]
			}
		],
		margin: [0, 16, 0, 0],
		unbreakable: true
	};
}

export function yearDocumentDefinition(
	document: YearDocument,
	locale: DisplayLocale
): TDocumentDefinitions {
	const { view, prepared } = document;
	const options = { locale };
	const title = m.year_pdf_title({ year: view.year }, options);
	return {
		pageSize: 'A4',
		pageOrientation: 'landscape',
		pageMargins: [40, 36, 40, 40],
		info: { title: `${title} · ${view.organisation}`, creator: 'Phiếu Kín' },
		defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.15 },
		footer: pageNumbers,
		content: [
			documentHeader({
				organisation: view.organisation,
				body: null,
				issuer: view.rules.preset.issuer,
				place: view.rules.place,
				date: prepared
			}),
			{ text: title, fontSize: 14, bold: true, alignment: 'center', margin: [0, 16, 0, 2] },
			{ text: view.organisation, bold: true, alignment: 'center', margin: [0, 0, 0, 8] },
			{ ul: yearBasis(view, locale), fontSize: 9, margin: [0, 0, 0, 8] },
			peopleTable(document, locale),
			capLines(document, locale),
			{
				text: `${m.year_decision({}, options)} ${m.scores_truncated({}, options)}`,
				italics: true,
				fontSize: 9,
				margin: [0, 8, 0, 0]
			},
			signature(document, locale)
		]
	};
}

export function yearPdf(document: YearDocument, locale: DisplayLocale): Promise<Buffer> {
	return pdfmake.createPdf(yearDocumentDefinition(document, locale)).getBuffer();
}
