/**
 * The minutes of the count (biên bản kiểm phiếu) as an A4 PDF, laid out by pdfmake with its own
 * Roboto font embedded, which carries every Vietnamese diacritic; the text stays selectable.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import {
	formatDate,
	formatHundredths,
	formatPercentHundredths,
	type DisplayLocale
} from '$lib/format';
import { m } from '$lib/paraglide/messages.js';
import { GRADE_ABBREVIATIONS, GRADES, type Grade } from '$lib/tally/grades';
import { markLabel } from '$lib/wording';
import type { ResultsExport } from './model';

const require = createRequire(import.meta.url);
const pdfmake = require('pdfmake') as typeof import('pdfmake');
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

const grade = (value: Grade | null) => (value ? GRADE_ABBREVIATIONS[value] : '—');

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

function confidenceTable(model: ResultsExport, locale: DisplayLocale): Content {
	const marks = ['high', 'confidence', 'low', 'blank'] as const;
	const percent = (hundredths: number) => formatPercentHundredths(hundredths, locale);
	const body: TableCell[][] = [
		[
			{ text: m.results_number(), bold: true },
			{ text: m.results_person(), bold: true },
			...marks.map((mark) => ({
				text: markLabel[mark](),
				bold: true,
				alignment: 'center' as const
			}))
		],
		...(model.confidence ?? []).map((subject): TableCell[] => [
			String(subject.number),
			{
				text: [
					{ text: subject.fullName, bold: true },
					subject.jobTitle ? `\n${subject.jobTitle}` : ''
				]
			},
			...marks.map((mark) => ({
				text: `${subject.counts[mark]}\n${percent(subject.percentOfConvened[mark])}`,
				alignment: 'center' as const
			}))
		])
	];
	const bands = (model.confidence ?? []).filter((subject) => subject.band);
	return [
		{
			table: { headerRows: 1, widths: ['auto', '*', 'auto', 'auto', 'auto', 'auto'], body },
			fontSize: 9
		},
		{
			text: m.results_percent_of_convened({ convened: model.totals.convened }),
			italics: true,
			fontSize: 9,
			margin: [0, 2, 0, 6]
		},
		...bands.map((subject) => ({
			text: `${subject.fullName}: ${subject.band?.consequence ?? ''}`,
			bold: true,
			fontSize: 10
		}))
	];
}

function appraisalTable(model: ResultsExport, locale: DisplayLocale): Content {
	const appraisal = model.appraisal;
	if (!appraisal) return [];
	const byVote = model.session.mode === 'grades';
	const result = (subject: (typeof appraisal.subjects)[number]) =>
		byVote
			? `${grade(subject.collective)}\n${GRADES.map((g) => `${GRADE_ABBREVIATIONS[g]} ${subject.votes?.counts[g] ?? 0}`).join(', ')}`
			: `${subject.score?.total === null || !subject.score ? '—' : m.points({ points: formatHundredths(subject.score.total, locale) })}: ${grade(subject.collective)}`;
	const body: TableCell[][] = [
		[
			m.results_number(),
			m.results_person(),
			m.appraisal_self(),
			m.appraisal_collective(),
			m.appraisal_after_cap(),
			m.appraisal_proposed(),
			m.appraisal_final()
		].map((text) => ({ text, bold: true })),
		...appraisal.subjects.map((subject): TableCell[] => [
			String(subject.number),
			{
				text: [
					{ text: subject.fullName, bold: true },
					subject.jobTitle ? `\n${subject.jobTitle}` : ''
				]
			},
			grade(subject.selfGrade),
			result(subject),
			grade(subject.afterCap),
			grade(subject.proposedGrade),
			{ text: [grade(subject.finalGrade), subject.finalReason ? `\n${subject.finalReason}` : ''] }
		])
	];
	const cap = appraisal.cap;
	return [
		{
			table: { headerRows: 1, widths: ['auto', '*', 'auto', 'auto', 'auto', 'auto', 'auto'], body },
			fontSize: 9
		},
		cap
			? {
					text: [
						m.cap_counts({ candidates: cap.candidates, good: cap.goodBefore }),
						' ',
						m.minutes_cap_allowed({ allowed: cap.allowed }),
						cap.moved.length > 0
							? ` ${m.cap_demoted({ count: cap.moved.length, names: cap.moved.join(', ') })}`
							: '',
						cap.tie
							? ` ${m.cap_tie({ names: cap.tie.names.join(', '), slots: cap.tie.slots })}`
							: ''
					],
					fontSize: 10,
					margin: [0, 6, 0, 0]
				}
			: []
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

export function minutesDocument(model: ResultsExport, locale: DisplayLocale): TDocumentDefinitions {
	const { session, totals, reconciliation } = model;
	const balanced =
		reconciliation.phoneWithinCards &&
		reconciliation.paperWithinIssued &&
		reconciliation.totalWithinIssued;
	return {
		pageSize: 'A4',
		pageMargins: [56, 48, 48, 48],
		info: { title: `${m.minutes_title()} · ${session.title}`, creator: 'Phiếu Kín' },
		defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.2 },
		footer: (current, count) => ({
			text: `${current}/${count}`,
			alignment: 'center',
			fontSize: 8,
			margin: [0, 16, 0, 0]
		}),
		content: [
			{
				columns: [
					{ text: session.organisation.toUpperCase(), bold: true, width: '*' },
					{
						text: m.minutes_place_date({
							place: session.place,
							date: formatDate(session.meetingDate, locale)
						}),
						italics: true,
						alignment: 'right',
						width: 'auto'
					}
				]
			},
			{
				text: m.minutes_title(),
				fontSize: 16,
				bold: true,
				alignment: 'center',
				margin: [0, 18, 0, 2]
			},
			{ text: session.title, alignment: 'center', margin: [0, 0, 0, 12] },
			{ text: m.minutes_meeting_heading(), bold: true, margin: [0, 4, 0, 2] },
			{
				ul: [
					`${m.session_field_organisation()}: ${session.organisation}`,
					`${m.session_field_date()}: ${formatDate(session.meetingDate, locale)}${session.meetingTime ? `, ${session.meetingTime}` : ''}`,
					`${m.session_field_place()}: ${session.place}`,
					`${m.results_preset()}: ${model.rules.name}`,
					`${m.results_source({ source: model.rules.source })}`
				]
			},
			{ text: m.committee_title(), bold: true, margin: [0, 10, 0, 2] },
			model.committee.length > 0
				? { ol: model.committee.map((member) => `${member.fullName}: ${member.roleTitle}`) }
				: { text: '—' },
			{ text: m.totals_title(), bold: true, margin: [0, 10, 0, 2] },
			totalsTable(model),
			{
				text:
					totals.quorumNeeded === null
						? ''
						: totals.quorumMet
							? m.quorum_met({ needed: totals.quorumNeeded })
							: m.quorum_not_met({ needed: totals.quorumNeeded }),
				bold: true
			},
			totals.quorumOverrideReason
				? { text: m.quorum_override_shown({ reason: totals.quorumOverrideReason }) }
				: [],
			{
				text: balanced ? m.minutes_balanced() : m.totals_returned_exceeds_issued(),
				margin: [0, 2, 0, 10]
			},
			{ text: m.results_per_subject(), bold: true, margin: [0, 4, 0, 4] },
			model.confidence ? confidenceTable(model, locale) : appraisalTable(model, locale),
			model.rules.capSource
				? { text: model.rules.capSource, italics: true, fontSize: 9, margin: [0, 4, 0, 0] }
				: [],
			{ text: m.minutes_closing(), margin: [0, 14, 0, 0] },
			signatures(model)
		]
	};
}

export function minutesPdf(model: ResultsExport, locale: DisplayLocale): Promise<Buffer> {
	return pdfmake.createPdf(minutesDocument(model, locale)).getBuffer();
}
