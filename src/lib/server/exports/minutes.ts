/**
 * The minutes of the count (biên bản kiểm phiếu) as an A4 PDF in the shape of the official form:
 * the header of the body holding the vote, the title, the legal basis and the base of every
 * percentage, the meeting, the tally committee, the totals, per person the counts and percentages,
 * the bands with their articles, the time the count ended and the signatures, then the
 * amendments made after publication, if any. Laid out by pdfmake (pdf.ts).
 */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
	calendarDateParts,
	clockParts,
	formatPercentHundredths,
	type DisplayLocale
} from '$lib/format';
import { m } from '$lib/paraglide/messages.js';
import { COUNTED_ROWS } from '$lib/tally/confidence';
import { reconciliationLines } from '$lib/reconciliation';
import { markLabel } from '$lib/wording';
import { amendmentWhat } from '$lib/amendment-wording';
import { appraisalBasis, appraisalSection } from './appraisal-minutes';
import { inBrackets, sectionHeading } from './minutes-layout';
import type { ResultsExport } from './model';
import { documentHeader, pageNumbers, pdfmake } from './pdf';

function figure(label: string, value: string | number | null): TableCell[] {
	return [label, { text: value === null ? '—' : String(value), alignment: 'right' }];
}

function totalsTable(model: ResultsExport): Content {
	const { totals } = model;
	return {
		table: {
			widths: ['*', 'auto'],
			body: [
				figure(m.totals_convened(), totals.convened),
				figure(m.totals_present(), totals.present),
				figure(
					m.totals_issued(),
					`${totals.issued} (${m.minutes_issued_split({ cards: totals.cardsIssued, paper: totals.paperIssued })})`
				),
				figure(
					m.totals_returned(),
					`${totals.returned} (${m.minutes_returned_split({ paper: totals.paperReturned })})`
				),
				figure(m.totals_valid(), totals.valid),
				figure(m.totals_invalid(), totals.invalid)
			]
		},
		layout: 'lightHorizontalLines',
		margin: [0, 4, 0, 8]
	};
}

/**
 * Every reconciliation of the figures, each computed: what holds with its figures, what does not
 * as a discrepancy (in bold), and ballots handed out beyond the people present with the
 * organiser's reasons.
 */
function reconciliationList(model: ResultsExport): Content {
	return {
		ul: reconciliationLines(model.totals).map((line) => ({
			text: line.text,
			bold: line.kind === 'discrepancy'
		})),
		fontSize: 10,
		margin: [0, 4, 0, 10]
	};
}

type ConfidenceRows = NonNullable<ResultsExport['confidence']>;
type Base = NonNullable<ResultsExport['totals']['base']>;

/**
 * Per person: each count with its percentage of the base, then the base in words, and why a
 * percentage is missing when a count exceeds its base (figures that do not agree).
 */
function confidenceTable(rows: ConfidenceRows, base: Base | null, locale: DisplayLocale): Content {
	const percent = (hundredths: number | null) =>
		hundredths === null ? '—' : formatPercentHundredths(hundredths, locale);
	const body: TableCell[][] = [
		[
			{ text: m.results_number(), bold: true },
			{ text: m.results_person(), bold: true },
			...COUNTED_ROWS.map((row) => ({
				text: markLabel[row](),
				bold: true,
				alignment: 'center' as const
			}))
		],
		...rows.map((subject): TableCell[] => [
			String(subject.number),
			{
				text: [
					{ text: subject.fullName, bold: true },
					subject.jobTitle ? `\n${subject.jobTitle}` : ''
				]
			},
			...COUNTED_ROWS.map((row) => ({
				text: `${subject.counts[row]}\n${percent(subject.percent[row])}`,
				alignment: 'center' as const
			}))
		])
	];
	const beyondBase =
		base !== null &&
		rows.some((subject) => COUNTED_ROWS.some((row) => subject.counts[row] > base.size));
	return [
		{
			table: { headerRows: 1, widths: ['auto', '*', 'auto', 'auto', 'auto', 'auto', 'auto'], body },
			fontSize: 9
		},
		{ text: base?.text ?? '', italics: true, fontSize: 9, margin: [0, 2, 0, 6] },
		beyondBase
			? { text: m.minutes_percent_exceeds_base({ base: base.size }), bold: true, fontSize: 9 }
			: []
	];
}

type BandsWording = ResultsExport['rules']['bands'];

/**
 * The bands as the rules word them (condition, article, what the competent body considers or
 * does), then who falls in one: a condition met, never a consequence stated as done.
 */
function bandsSection(
	heading: string,
	bands: BandsWording,
	rows: ConfidenceRows,
	withheld: ResultsExport['totals']['bandsWithheld']
): Content {
	const inBands = rows.filter((subject) => subject.band);
	return [
		sectionHeading(heading, [0, 6, 0, 2]),
		{
			ul: bands.map((band) =>
				m.minutes_band_line({
					condition: band.condition,
					article: inBrackets(band.article),
					consequence: band.consequence
				})
			),
			fontSize: 10
		},
		withheld
			? {
					text:
						withheld === 'figures'
							? m.results_no_band_figures()
							: m.results_no_band_without_quorum(),
					bold: true,
					margin: [0, 4, 0, 0]
				}
			: inBands.length === 0
				? { text: m.minutes_nobody_in_bands(), margin: [0, 4, 0, 0] }
				: [
						sectionHeading(m.minutes_people_in_bands(), [0, 4, 0, 2]),
						{
							ul: inBands.map((subject) =>
								m.minutes_person_in_band({
									name: subject.fullName,
									condition: subject.band?.condition ?? '',
									article: inBrackets(subject.band?.article ?? '')
								})
							)
						}
					]
	];
}

function confidenceSection(model: ResultsExport, locale: DisplayLocale): Content {
	const rows = model.confidence ?? [];
	const correction = model.correction;
	return [
		confidenceTable(rows, model.totals.base, locale),
		bandsSection(
			correction ? m.minutes_bands_published_heading() : m.minutes_bands_heading(),
			model.rules.bands,
			rows,
			model.totals.bandsWithheld
		),
		correction
			? [
					sectionHeading(m.minutes_correction_heading(), [0, 10, 0, 2]),
					{ text: m.results_rule_corrected(), fontSize: 10, margin: [0, 0, 0, 4] },
					{ text: `${m.results_corrected_figures()}: ${correction.rulesName}`, bold: true },
					confidenceTable(correction.confidence, correction.base, locale),
					bandsSection(
						m.minutes_bands_heading(),
						correction.bands,
						correction.confidence,
						correction.bandsWithheld
					)
				]
			: []
	];
}

/**
 * "Đính chính": each correction made after publication, dated, with who made it and why. It
 * follows the signatures: the committee signed the result as published, and the figures above
 * stay as they are.
 */
function amendmentsSection(model: ResultsExport): Content {
	if (model.amendments.length === 0) return [];
	return [
		sectionHeading(m.minutes_amendments_heading(), [0, 18, 0, 2]),
		{ text: m.minutes_amendments_intro(), fontSize: 10, margin: [0, 0, 0, 2] },
		{
			ol: model.amendments.map((amendment) => {
				const { day, month, year, hour, minute } = clockParts(new Date(amendment.at));
				return m.minutes_amendment_line({
					date: `${day}/${month}/${year}`,
					time: `${hour}:${minute}`,
					who: amendment.by ?? '—',
					what: amendmentWhat(amendment).replace(/\.$/, ''),
					reason: amendment.reason
				});
			}),
			fontSize: 10
		}
	];
}

function signatures(model: ResultsExport): Content {
	const members =
		model.committee.length > 0
			? model.committee
			: [{ fullName: '', roleTitle: m.minutes_signature_head() }];
	const cells = members.map((member): Content => ({
		stack: [
			{ text: member.roleTitle.toUpperCase(), bold: true },
			{ text: m.minutes_signature_hint(), italics: true, fontSize: 9 },
			{ text: ' \n\n\n' },
			{ text: member.fullName, bold: true }
		],
		alignment: 'center',
		margin: [0, 12, 0, 0]
	}));
	const rows: Content[][] = [];
	for (let i = 0; i < cells.length; i += 3) {
		const row = cells.slice(i, i + 3);
		while (row.length < 3) row.push({ text: '' });
		rows.push(row);
	}
	return { table: { widths: ['*', '*', '*'], body: rows }, layout: 'noBorders', unbreakable: true };
}

/** The header of an official document of the tally committee of the body that holds the vote. */
function header(model: ResultsExport): Content {
	const { session } = model;
	return documentHeader({
		organisation: session.organisation,
		body: m.minutes_committee_unit(),
		issuer: model.rules.issuer,
		place: session.place,
		date: calendarDateParts(session.meetingDate)
	});
}

function opening(model: ResultsExport): Content {
	const { session } = model;
	return {
		text: m.minutes_opening({
			...calendarDateParts(session.meetingDate),
			time: session.meetingTime ? m.minutes_opening_time({ time: session.meetingTime }) : '',
			place: session.place,
			title: session.title
		}),
		margin: [0, 0, 0, 6]
	};
}

function countEnded(model: ResultsExport): Content {
	const ended = model.session.countEndedAt;
	return ended
		? { text: m.minutes_count_ended(clockParts(new Date(ended))), margin: [0, 10, 0, 0] }
		: [];
}

export function minutesDocument(model: ResultsExport, locale: DisplayLocale): TDocumentDefinitions {
	const { session, totals } = model;
	return {
		pageSize: 'A4',
		pageMargins: [56, 48, 48, 48],
		info: { title: `${m.minutes_title()} · ${session.title}`, creator: 'Phiếu Kín' },
		defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.2 },
		// What counts as following is text below the heading: a list or table may begin on this
		// page with none of its text, and the page's footer is among the nodes too.
		pageBreakBefore: (node, nodes) =>
			node.headlineLevel === 1 &&
			!nodes
				.getFollowingNodesOnPage()
				.some((next) => Boolean(next.text) && next.startPosition.top > node.startPosition.top),
		footer: pageNumbers,
		content: [
			header(model),
			{
				text: m.minutes_title(),
				fontSize: 16,
				bold: true,
				alignment: 'center',
				margin: [0, 20, 0, 2]
			},
			{
				text:
					session.kind === 'confidence'
						? m.minutes_subtitle_confidence()
						: m.minutes_subtitle_appraisal(),
				bold: true,
				alignment: 'center'
			},
			{
				text: session.title,
				alignment: 'center',
				margin: [0, 0, 0, session.period ? 0 : 12]
			},
			session.period
				? {
						text: `${m.period_legend()}: ${session.period.text}`,
						alignment: 'center',
						margin: [0, 0, 0, 12]
					}
				: [],
			sectionHeading(m.minutes_basis_heading(), [0, 4, 0, 2]),
			{
				ul: [
					model.rules.source,
					model.rules.name,
					...(totals.base ? [totals.base.text] : []),
					...appraisalBasis(model),
					...(model.rules.note ? [model.rules.note] : [])
				]
			},
			sectionHeading(m.minutes_meeting_heading(), [0, 10, 0, 2]),
			opening(model),
			sectionHeading(m.committee_title(), [0, 6, 0, 2]),
			model.committee.length > 0
				? { ol: model.committee.map((member) => `${member.fullName}: ${member.roleTitle}`) }
				: { text: '—' },
			sectionHeading(m.totals_title(), [0, 10, 0, 2]),
			totalsTable(model),
			totals.quorumNeeded === null
				? []
				: {
						text: totals.quorumMet
							? m.quorum_met({ needed: totals.quorumNeeded })
							: m.quorum_not_met({ needed: totals.quorumNeeded }),
						bold: true
					},
			totals.quorumOverrideReason
				? { text: m.quorum_override_shown({ reason: totals.quorumOverrideReason }) }
				: [],
			reconciliationList(model),
			sectionHeading(m.results_per_subject(), [0, 4, 0, 4]),
			model.confidence ? confidenceSection(model, locale) : appraisalSection(model, locale),
			countEnded(model),
			{ text: m.minutes_closing(), margin: [0, 6, 0, 0] },
			signatures(model),
			amendmentsSection(model)
		]
	};
}

export function minutesPdf(model: ResultsExport, locale: DisplayLocale): Promise<Buffer> {
	return pdfmake.createPdf(minutesDocument(model, locale)).getBuffer();
}
