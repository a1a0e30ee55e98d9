/**
 * One model of a closed session's figures, from which every export is drawn (JSON, CSV, XLSX
 * and the minutes PDF), so that all of them carry the same figures. In the model every
 * percentage and every point figure is an integer number of hundredths, exactly as the tally
 * rounded it; only a format turns it into text or a spreadsheet number. Its zod schema is also
 * the JSON format, where those hundredths are written as decimals (90.1 for 9010): `encode` turns
 * the model into JSON, and docs/results.schema.json is generated from the JSON side.
 */
import { z } from 'zod';
import { GRADES } from '$lib/tally/grades';
import { reconcile } from '$lib/tally/confidence';
import { floorHundredths, type Rational } from '$lib/tally/rational';
import type { CommitteeMember } from '../sessions/committee';
import { bandCondition, localized } from '$lib/wording';
import type { Report } from '../results/count';

const grade = z.enum(GRADES).nullable();
/** Hundredths in the model, a decimal number with two places at most in JSON. */
function hundredths(json: z.ZodNumber) {
	return z.codec(json, z.int(), {
		decode: (decimal) => Math.round(decimal * 100),
		encode: (count) => count / 100
	});
}
/** Percent of the people convened, rounded half up to two decimals. */
const percent = hundredths(z.number().min(0).max(100));
/** Points truncated to two decimals, as shown. */
const points = hundredths(z.number());
const exact = z.strictObject({
	numerator: z.number().int(),
	denominator: z.number().int().positive()
});

const confidenceSubject = z.strictObject({
	number: z.number().int().positive(),
	fullName: z.string(),
	jobTitle: z.string(),
	counts: z.strictObject({
		high: z.number().int(),
		confidence: z.number().int(),
		low: z.number().int(),
		blank: z.number().int()
	}),
	percentOfConvened: z.strictObject({
		high: percent,
		confidence: percent,
		low: percent,
		blank: percent
	}),
	band: z
		.strictObject({ id: z.string(), condition: z.string(), consequence: z.string() })
		.nullable()
});

const appraisalSubject = z.strictObject({
	number: z.number().int().positive(),
	personId: z.string(),
	fullName: z.string(),
	jobTitle: z.string(),
	votes: z
		.strictObject({
			counts: z.strictObject({
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
		.strictObject({
			sheets: z.number().int(),
			/** Points, truncated to two decimals as shown; `exact` holds the rational. */
			total: points.nullable(),
			exact: exact.nullable(),
			criteria: z.array(
				z.strictObject({
					id: z.string(),
					name: z.string(),
					maximum: z.number(),
					mean: points.nullable()
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

export const resultsExportSchema = z.strictObject({
	format: z.literal('phieukin.results'),
	version: z.literal(1),
	session: z.strictObject({
		id: z.string(),
		kind: z.enum(['confidence', 'appraisal']),
		title: z.string(),
		organisation: z.string(),
		meetingDate: z.string(),
		meetingTime: z.string().nullable(),
		place: z.string(),
		mode: z.enum(['grades', 'scores']).nullable(),
		period: z
			.strictObject({
				kind: z.enum(['quarter', 'year', 'term']),
				year: z.number().int().nullable(),
				quarter: z.number().int().nullable(),
				label: z.string().nullable()
			})
			.nullable(),
		published: z.boolean()
	}),
	rules: z.strictObject({
		id: z.string(),
		name: z.string(),
		source: z.string(),
		capSource: z.string().nullable()
	}),
	totals: z.strictObject({
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
	reconciliation: z.strictObject({
		phoneWithinCards: z.boolean(),
		paperWithinIssued: z.boolean(),
		totalWithinIssued: z.boolean()
	}),
	committee: z.array(z.strictObject({ fullName: z.string(), roleTitle: z.string() })),
	confidence: z.array(confidenceSubject).nullable(),
	appraisal: z
		.strictObject({
			subjects: z.array(appraisalSubject),
			cap: z
				.strictObject({
					allowed: z.number().int(),
					candidates: z.number().int(),
					goodBefore: z.number().int(),
					/** Full names, in the order moved (lowest-ranked first). */
					moved: z.array(z.string()),
					tie: z.strictObject({ names: z.array(z.string()), slots: z.number().int() }).nullable()
				})
				.nullable()
		})
		.nullable()
});

/** The model: every percentage and point figure in integer hundredths. */
export type ResultsExport = z.output<typeof resultsExportSchema>;
/** The JSON export, as written to the file. */
export type ResultsJson = z.input<typeof resultsExportSchema>;

export function resultsJson(model: ResultsExport): ResultsJson {
	return resultsExportSchema.encode(model);
}

const truncated = (value: Rational | null | undefined) => (value ? floorHundredths(value) : null);

/** Texts (preset names, wording) are taken in the current language. */
export function resultsExport(report: Report, committee: CommitteeMember[]): ResultsExport {
	const { session } = report;
	const rules = session.rules;
	const { totals } = report;
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
				? report.people.map(({ subject, figures }, index) => ({
						number: index + 1,
						fullName: subject.fullName,
						jobTitle: subject.jobTitle,
						counts: figures.counts,
						percentOfConvened: {
							high: figures.percent.high ?? 0,
							confidence: figures.percent.confidence ?? 0,
							low: figures.percent.low ?? 0,
							blank: figures.percent.blank ?? 0
						},
						band: figures.band
							? {
									id: figures.band.id,
									condition: bandCondition(figures.band),
									consequence: localized(figures.band.consequence)
								}
							: null
					}))
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
						total: truncated(row.score.total),
						exact: row.score.total,
						criteria: report.criteria.map((criterion) => ({
							id: criterion.id,
							name: criterion.name,
							maximum: criterion.maximum,
							mean: truncated(row.score?.means[criterion.id])
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
