/**
 * An appraisal's part of the minutes: the legal basis (source, bands, conditions, cap), then per
 * duty group a table of each person's self-assessment, vote and its grade, grade after the
 * conditions, collective result, proposal and final grade; the conditions that capped a grade,
 * with their reasons; and the cap on excellent grades per duty group, with the rate in force.
 */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { capExplanation, capShare } from '$lib/cap-wording';
import { formatHundredths, type DisplayLocale } from '$lib/format';
import { m } from '$lib/paraglide/messages.js';
import { GRADE_ABBREVIATIONS, GRADES } from '$lib/tally/grades';
import { capBreachText } from '$lib/wording';
import type { ResultsExport } from './model';
import { grade, inBrackets, sectionHeading } from './minutes-layout';

type Appraisal = NonNullable<ResultsExport['appraisal']>;
type Subject = Appraisal['subjects'][number];

const groupName = (group: string) => group || m.duty_group_default();

/** "HTXSNV từ 90 điểm; HTTNV từ 70 đến dưới 90 điểm; …", or how a grade vote is read. */
function bandsLine(appraisal: Appraisal, byVote: boolean): string {
	const article = inBrackets(appraisal.bandsArticle);
	if (byVote) return m.minutes_bands_votes({ article });
	const bands = appraisal.bands.map((band, index) => {
		const name = GRADE_ABBREVIATIONS[band.grade];
		const above = appraisal.bands[index - 1];
		if (!above) return m.minutes_band_points_from({ grade: name, minimum: band.minimum });
		if (band.minimum === 0)
			return m.minutes_band_points_under({ grade: name, below: above.minimum });
		return m.minutes_band_points_between({
			grade: name,
			minimum: band.minimum,
			below: above.minimum
		});
	});
	return m.minutes_bands_points({ bands: bands.join('; '), article });
}

/** The legal basis an appraisal adds: its bands, each condition with its article, the cap. */
export function appraisalBasis(model: ResultsExport): string[] {
	const appraisal = model.appraisal;
	if (!appraisal) return [];
	return [
		bandsLine(appraisal, model.session.mode === 'grades'),
		...appraisal.conditions.map((condition) => condition.text),
		...(model.rules.capSource ? [model.rules.capSource] : [])
	];
}

function selfCell(subject: Subject, locale: DisplayLocale): string {
	const score =
		subject.selfScore === null
			? []
			: [
					m.points({ points: formatHundredths(subject.selfScore, locale) }) +
						(subject.departsFromSelfScore ? ' (*)' : '')
				];
	const parts = [...score, ...(subject.selfGrade ? [grade(subject.selfGrade)] : [])];
	return parts.length > 0 ? parts.join('\n') : '—';
}

function voteCell(subject: Subject, byVote: boolean, locale: DisplayLocale): string {
	if (byVote) {
		const counts = GRADES.map((g) => `${GRADE_ABBREVIATIONS[g]} ${subject.votes?.counts[g] ?? 0}`);
		return `${grade(subject.band)}\n${counts.join(', ')}`;
	}
	const total = subject.score?.total;
	if (total === null || total === undefined) return grade(subject.band);
	const points = m.points({ points: formatHundredths(total, locale) });
	// Without a band (figures that do not agree) the score stands alone.
	return subject.band ? `${points}: ${grade(subject.band)}` : points;
}

function resultRow(subject: Subject, byVote: boolean, locale: DisplayLocale): TableCell[] {
	const note = (text: string) => ({ text: `\n${text}`, italics: true });
	return [
		String(subject.number),
		{
			text: [
				{ text: subject.fullName, bold: true },
				subject.jobTitle ? `\n${subject.jobTitle}` : ''
			]
		},
		selfCell(subject, locale),
		voteCell(subject, byVote, locale),
		{
			text: [
				grade(subject.afterConditions),
				subject.conditionsPending ? note(m.minutes_provisional()) : ''
			]
		},
		{
			text: [
				grade(subject.collectiveResult),
				subject.capMove
					? note(subject.capMove === 'tie' ? m.cap_moved_tie() : m.cap_moved_down())
					: ''
			]
		},
		grade(subject.proposedGrade),
		{
			text: [
				grade(subject.finalGrade),
				subject.finalReason ? `\n${subject.finalReason}` : '',
				subject.amendedGrade
					? note(m.amendment_final_note({ grade: grade(subject.amendedGrade) }))
					: ''
			]
		}
	];
}

/** The people in ballot order, grouped by duty group in the order the groups first appear. */
function byDutyGroup(subjects: readonly Subject[]): [string, Subject[]][] {
	const groups = new Map<string, Subject[]>();
	for (const subject of subjects)
		groups.set(subject.dutyGroup, [...(groups.get(subject.dutyGroup) ?? []), subject]);
	return [...groups];
}

/**
 * One table per duty group, the group's name in a first header row: pdfmake repeats the header
 * rows on every page and keeps them with the first person, so a group's name never ends a page.
 */
function resultsTables(model: ResultsExport, appraisal: Appraisal, locale: DisplayLocale): Content {
	const byVote = model.session.mode === 'grades';
	const groups = byDutyGroup(appraisal.subjects);
	const named = groups.length > 1 || groups.some(([group]) => group !== '');
	// pdfmake marks the cells it lays out: every table gets header cells of its own.
	const columns = () =>
		[
			m.results_number(),
			m.results_person(),
			m.appraisal_self(),
			m.appraisal_band(),
			m.appraisal_after_conditions(),
			m.appraisal_collective(),
			m.appraisal_proposed(),
			m.appraisal_final()
		].map((text): TableCell => ({ text, bold: true }));
	const title = (group: string): TableCell[] => [
		{
			text: `${m.appraisal_duty_group()}: ${groupName(group)}`,
			bold: true,
			colSpan: 8,
			fillColor: '#eeeeee'
		},
		...Array.from({ length: 7 }, (): TableCell => ({ text: '' }))
	];
	return [
		{
			text: named
				? m.minutes_appraised_in_groups({ count: appraisal.subjects.length, groups: groups.length })
				: m.minutes_appraised({ count: appraisal.subjects.length }),
			margin: [0, 0, 0, 4]
		},
		groups.map(([group, subjects]): Content => ({
			table: {
				headerRows: named ? 2 : 1,
				keepWithHeaderRows: 1,
				dontBreakRows: true,
				widths: [20, '*', 50, 58, 48, 62, 46, 72],
				body: [
					...(named ? [title(group)] : []),
					columns(),
					...subjects.map((subject) => resultRow(subject, byVote, locale))
				]
			},
			fontSize: 9,
			margin: [0, 0, 0, 6]
		}))
	];
}

/** Who a condition held below the grade of their vote, and why; whose conditions are pending. */
function conditionsSection(appraisal: Appraisal): Content {
	if (appraisal.conditions.length === 0 || appraisal.gradesWithheld) return [];
	const capped = appraisal.subjects.filter((subject) => subject.conditionCaps.length > 0);
	const pending = appraisal.subjects.filter((subject) => subject.conditionsPending);
	const recorded = appraisal.subjects.some(
		(subject) => !subject.conditionsPending && subject.afterConditions
	);
	return [
		sectionHeading(m.minutes_conditions_heading(), [0, 10, 0, 2]),
		capped.length > 0
			? {
					ul: capped.map((subject) =>
						m.minutes_person_conditions({
							name: subject.fullName,
							band: grade(subject.band),
							grade: grade(subject.afterConditions),
							reasons: subject.conditionCaps.map((cap) => cap.reason).join(' ')
						})
					),
					fontSize: 10
				}
			: recorded
				? { text: m.minutes_conditions_all_met(), fontSize: 10 }
				: [],
		pending.length > 0
			? {
					text: m.minutes_conditions_pending({
						names: pending.map((subject) => subject.fullName).join(', ')
					}),
					bold: true,
					fontSize: 10,
					margin: [0, 4, 0, 0]
				}
			: []
	];
}

/** The rate in force and where it is counted, each group's count and moves, and any breach. */
function capSection(appraisal: Appraisal, locale: DisplayLocale): Content {
	const cap = appraisal.cap;
	if (!cap) return [];
	const percent = capShare(cap.ratio, locale);
	const recorded = cap.recordedRate;
	const named = cap.groups.length > 1;
	return [
		sectionHeading(m.cap_title(), [0, 10, 0, 2]),
		{
			text:
				cap.scope === 'duty_group'
					? m.minutes_cap_rate_groups({ percent })
					: m.minutes_cap_rate_unit({ percent }),
			fontSize: 10
		},
		recorded
			? {
					text: m.minutes_cap_rate_recorded({
						percent: capShare({ numerator: recorded.percent, denominator: 100 }, locale),
						document: recorded.document
					}),
					fontSize: 10
				}
			: [],
		cap.groups.map((group): Content => ({
			text: [
				named
					? { text: `${m.minutes_cap_group({ group: groupName(group.group) })} `, bold: true }
					: '',
				capExplanation(group, cap.ratio, locale),
				group.moved.length > 0
					? ` ${m.cap_demoted({ count: group.moved.length, names: group.moved.join(', ') })}`
					: '',
				group.tie
					? ` ${m.cap_tie({ names: group.tie.names.join(', '), slots: group.tie.slots })}`
					: ''
			],
			fontSize: 10,
			margin: [0, 4, 0, 0]
		})),
		cap.breaches.length > 0
			? {
					text: m.minutes_cap_breaches({ breaches: capBreachText(cap.breaches) }),
					bold: true,
					fontSize: 10,
					margin: [0, 4, 0, 0]
				}
			: []
	];
}

export function appraisalSection(model: ResultsExport, locale: DisplayLocale): Content {
	const appraisal = model.appraisal;
	if (!appraisal) return [];
	const flagged = appraisal.subjects.some((subject) => subject.departsFromSelfScore);
	return [
		appraisal.gradesWithheld
			? { text: m.grades_withheld_figures(), bold: true, margin: [0, 0, 0, 4] }
			: [],
		resultsTables(model, appraisal, locale),
		flagged ? { text: m.minutes_self_score_gap_note(), fontSize: 9, margin: [0, 2, 0, 0] } : [],
		conditionsSection(appraisal),
		capSection(appraisal, locale)
	];
}
