/**
 * One model of a closed session's figures, from which every export is drawn (JSON as it is;
 * CSV, XLSX and the minutes PDF laid out from it), so that all of them carry the same figures.
 * Its zod schema documents the JSON format (docs/results.schema.json is generated from it).
 */
import { z } from 'zod';
import { GRADES } from '$lib/tally/grades';
import { reconcile } from '$lib/tally/confidence';
import { floorHundredths, type Rational } from '$lib/tally/rational';
import type { CommitteeMember } from '../sessions/committee';
import type { Report } from '../results/count';

const grade = z.enum(GRADES).nullable();
/** Percent of the people convened, rounded half up to two decimals (90.1 for 90.10 %). */
const percent = z.number().min(0).max(100);
const exact = z.object({ numerator: z.number().int(), denominator: z.number().int().positive() });

const confidenceSubject = z.object({
	number: z.number().int().positive(),
	fullName: z.string(),
	jobTitle: z.string(),
	counts: z.object({
		high: z.number().int(),
		confidence: z.number().int(),
		low: z.number().int(),
		blank: z.number().int()
	}),
	percentOfConvened: z.object({ high: percent, confidence: percent, low: percent, blank: percent }),
	band: z.object({ id: z.string(), consequence: z.string() }).nullable()
});

const appraisalSubject = z.object({
	number: z.number().int().positive(),
	personId: z.string(),
	fullName: z.string(),
	jobTitle: z.string(),
	votes: z
		.object({
			counts: z.object({
				excellent: z.number().int(),
				good: z.number().int(),
				completed: z.number().int(),
				not_completed: z.number().int()
			}),
			total: z.number().int(),
			median: grade
		})
		.nullable(),
	score: z
		.object({
			sheets: z.number().int(),
			/** Points, truncated to two decimals as shown; `exact` holds the rational. */
			total: z.number().nullable(),
			exact: exact.nullable(),
			criteria: z.array(
				z.object({
					id: z.string(),
					name: z.string(),
					maximum: z.number(),
					mean: z.number().nullable()
				})
			)
		})
		.nullable(),
	collective: grade,
	afterCap: grade,
	movedByCap: z.enum(['cap', 'tie']).nullable(),
	selfGrade: grade,
	proposedGrade: grade,
	finalGrade: grade,
	finalReason: z.string().nullable()
});

export const resultsExportSchema = z.object({
	format: z.literal('phieukin.results'),
	version: z.literal(1),
	session: z.object({
		id: z.string(),
		kind: z.enum(['confidence', 'appraisal']),
		title: z.string(),
		organisation: z.string(),
		meetingDate: z.string(),
		meetingTime: z.string().nullable(),
		place: z.string(),
		mode: z.enum(['grades', 'scores']).nullable(),
		period: z
			.object({
				kind: z.enum(['quarter', 'year', 'term']),
				year: z.number().int().nullable(),
				quarter: z.number().int().nullable(),
				label: z.string().nullable()
			})
			.nullable(),
		published: z.boolean()
	}),
	rules: z.object({
		id: z.string(),
		name: z.string(),
		source: z.string(),
		capSource: z.string().nullable()
	}),
	totals: z.object({
		convened: z.number().int(),
		present: z.number().int().nullable(),
		cardsIssued: z.number().int(),
		paperIssued: z.number().int(),
		issued: z.number().int(),
		returned: z.number().int(),
		paperReturned: z.number().int(),
		valid: z.number().int(),
		invalid: z.number().int(),
		quorumNeeded: z.number().int().nullable(),
		quorumMet: z.boolean().nullable(),
		quorumOverrideReason: z.string().nullable()
	}),
	reconciliation: z.object({
		phoneWithinCards: z.boolean(),
		paperWithinIssued: z.boolean(),
		totalWithinIssued: z.boolean()
	}),
	committee: z.array(z.object({ fullName: z.string(), roleTitle: z.string() })),
	confidence: z.array(confidenceSubject).nullable(),
	appraisal: z
		.object({
			subjects: z.array(appraisalSubject),
			cap: z
				.object({
					allowed: z.number().int(),
					candidates: z.number().int(),
					goodBefore: z.number().int(),
					/** Full names, in the order moved (lowest-ranked first). */
					moved: z.array(z.string()),
					tie: z.object({ names: z.array(z.string()), slots: z.number().int() }).nullable()
				})
				.nullable()
		})
		.nullable()
});

export type ResultsExport = z.infer<typeof resultsExportSchema>;

const asPercent = (hundredths: number | null) => (hundredths === null ? 0 : hundredths / 100);
const points = (value: Rational | null | undefined) =>
	value ? floorHundredths(value) / 100 : null;

/** Texts (preset names, wording) are taken in the current language. */
export function resultsExport(
	report: Report,
	committee: CommitteeMember[],
	localized: (text: { vi: string; en: string }) => string
): ResultsExport {
	const { session } = report;
	const rules = session.rules;
	const totals = report.kind === 'confidence' ? report.result : report.totals;
	const period = rules.kind === 'appraisal' ? rules.period : null;
	return {
		format: 'phieukin.results',
		version: 1,
		session: {
			id: session.id,
			kind: rules.kind,
			title: session.title,
			organisation: session.organisation,
			meetingDate: session.meetingDate,
			meetingTime: session.meetingTime,
			place: session.place,
			mode: rules.kind === 'appraisal' ? rules.mode : null,
			period: period
				? {
						kind: period.kind,
						year: period.kind === 'term' ? null : period.year,
						quarter: period.kind === 'quarter' ? period.quarter : null,
						label: period.kind === 'term' ? period.label : null
					}
				: null,
			published: session.publishedAt !== null
		},
		rules: {
			id: rules.preset.id,
			name: localized(rules.preset.name),
			source: localized(rules.preset.source),
			capSource:
				rules.kind === 'appraisal' && rules.preset.cap ? localized(rules.preset.cap.source) : null
		},
		totals: {
			convened: totals.convened,
			present: totals.present,
			cardsIssued: totals.cardsIssued,
			paperIssued: totals.paperIssued,
			issued: totals.cardsIssued + totals.paperIssued,
			returned: totals.returned,
			paperReturned: totals.paperReturned,
			valid: totals.valid,
			invalid: totals.invalid,
			quorumNeeded: totals.quorum.needed,
			quorumMet: totals.quorum.met,
			quorumOverrideReason: session.quorumOverrideReason
		},
		reconciliation: reconcile(totals),
		committee: committee.map(({ fullName, roleTitle }) => ({ fullName, roleTitle })),
		confidence:
			report.kind === 'confidence'
				? report.subjects.map((person, index) => {
						const row = report.result.subjects[index];
						return {
							number: index + 1,
							fullName: person.fullName,
							jobTitle: person.jobTitle,
							counts: row?.counts ?? { high: 0, confidence: 0, low: 0, blank: 0 },
							percentOfConvened: {
								high: asPercent(row?.percent.high ?? null),
								confidence: asPercent(row?.percent.confidence ?? null),
								low: asPercent(row?.percent.low ?? null),
								blank: asPercent(row?.percent.blank ?? null)
							},
							band: row?.band
								? { id: row.band.id, consequence: localized(row.band.consequence) }
								: null
						};
					})
				: null,
		appraisal: report.kind === 'appraisal' ? appraisalPart(report) : null
	};
}

function appraisalPart(report: Extract<Report, { kind: 'appraisal' }>): ResultsExport['appraisal'] {
	const nameOf = (id: string) =>
		report.rows.find((row) => row.subject.id === id)?.subject.fullName ?? '';
	return {
		subjects: report.rows.map((row, index) => ({
			number: index + 1,
			personId: row.subject.personId,
			fullName: row.subject.fullName,
			jobTitle: row.subject.jobTitle,
			votes: row.votes
				? { counts: row.votes.counts, total: row.votes.votes, median: row.votes.median }
				: null,
			score: row.score
				? {
						sheets: row.score.sheets,
						total: points(row.score.total),
						exact: row.score.total,
						criteria: report.criteria.map((criterion) => ({
							id: criterion.id,
							name: criterion.name,
							maximum: criterion.maximum,
							mean: points(row.score?.means[criterion.id])
						}))
					}
				: null,
			collective: row.collective,
			afterCap: row.capped,
			movedByCap: row.move ? (row.move.tied ? 'tie' : 'cap') : null,
			selfGrade: row.subject.selfGrade,
			proposedGrade: row.subject.proposedGrade,
			finalGrade: row.subject.finalGrade,
			finalReason: row.subject.finalReason
		})),
		cap: report.rules.preset.cap
			? {
					allowed: report.cap.allowed,
					candidates: report.cap.candidates,
					goodBefore: report.cap.goodBefore,
					moved: report.cap.moves.filter((move) => !move.tied).map((move) => nameOf(move.id)),
					tie: report.cap.tie
						? { names: report.cap.tie.ids.map(nameOf), slots: report.cap.tie.slots }
						: null
				}
			: null
	};
}
