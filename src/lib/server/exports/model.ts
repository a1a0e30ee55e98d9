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
import type { ConfidencePreset } from '$lib/tally/presets';
import { bandCondition, baseSentence, localized } from '$lib/wording';
import type { ConfidenceCount, Report } from '../results/count';

const grade = z.enum(GRADES).nullable();
/** Hundredths in the model, a decimal number with two places at most in JSON. */
function hundredths(json: z.ZodNumber) {
	return z.codec(json, z.int(), {
		decode: (decimal) => Math.round(decimal * 100),
		encode: (count) => count / 100
	});
}
/**
 * Percent of the rules' base, rounded half up to two decimals, never over 100; `null` on a base
 * of 0, or for a count larger than its base (figures that do not agree, stated in the minutes).
 */
const percent = hundredths(z.number().min(0).max(100)).nullable();
/** Points truncated to two decimals, as shown. */
const points = hundredths(z.number());
const exact = z.strictObject({
	numerator: z.number().int(),
	denominator: z.number().int().positive()
});

const count = z.number().int().min(0);

/** Why no band applies: held without the quorum, or figures that do not agree. */
const bandsWithheld = z.enum(['quorum', 'figures']);

/** A band as the rules word it: its condition on their base, what follows, its article. */
const bandWording = z.strictObject({
	id: z.string(),
	condition: z.string(),
	consequence: z.string(),
	article: z.string()
});

const confidenceSubject = z.strictObject({
	number: z.number().int().positive(),
	fullName: z.string(),
	jobTitle: z.string(),
	/** With the invalid ballots, each person's rows add up to the ballots returned. */
	counts: z.strictObject({
		high: count,
		confidence: count,
		low: count,
		blank: count,
		invalidRow: count
	}),
	/** Of the base in `totals.base` (or `correction.base`). */
	percent: z.strictObject({
		high: percent,
		confidence: percent,
		low: percent,
		blank: percent,
		invalidRow: percent
	}),
	band: bandWording.nullable()
});

/** What every percentage and band is taken of: `returned` (R) or `members` (N), its size. */
const base = z.strictObject({
	kind: z.enum(['returned', 'members']),
	size: count,
	/** The sentence that says so, as every export prints it. */
	text: z.string()
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
	version: z.literal(2),
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
		published: z.boolean(),
		/** When the count last changed: voting closed, or the last paper ballot entered. */
		countEndedAt: z.iso.datetime().nullable()
	}),
	rules: z.strictObject({
		id: z.string(),
		name: z.string(),
		source: z.string(),
		status: z.enum(['in_force', 'historic', 'replaced']),
		note: z.string().nullable(),
		/** Whose body holds the vote: a party organisation or a state body (the minutes' header). */
		issuer: z.enum(['party', 'state']),
		/** Confidence votes: every band of the rules, worded on their base, with its article. */
		bands: z.array(bandWording),
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
		quorumBinding: z.boolean(),
		quorumOverrideReason: z.string().nullable(),
		/** Confidence votes: the base of every percentage and band; `null` for an appraisal. */
		base: base.nullable(),
		/** The organiser's reasons for handing out more ballots than the people present. */
		issuedBeyondPresentReasons: z.array(z.string()),
		/** Confidence votes: `false` when no band applies, and `bandsWithheld` says why. */
		bandsApply: z.boolean().nullable(),
		bandsWithheld: bandsWithheld.nullable()
	}),
	/** Each comparison of the figures; the minutes state every one in words. */
	reconciliation: z.strictObject({
		issuedWithinConvened: z.boolean(),
		/** `null` when attendance was not recorded. */
		issuedWithinPresent: z.boolean().nullable(),
		phoneWithinCards: z.boolean(),
		paperWithinIssued: z.boolean(),
		totalWithinIssued: z.boolean()
	}),
	committee: z.array(z.strictObject({ fullName: z.string(), roleTitle: z.string() })),
	confidence: z.array(confidenceSubject).nullable(),
	/**
	 * A result published under a shipped preset corrected since: the same ballots recounted under
	 * the corrected preset. The published figures above never change.
	 */
	correction: z
		.strictObject({
			rulesId: z.string(),
			rulesName: z.string(),
			bands: z.array(bandWording),
			base,
			bandsApply: z.boolean(),
			bandsWithheld: bandsWithheld.nullable(),
			confidence: z.array(confidenceSubject)
		})
		.nullable(),
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

type ConfidenceJson = z.output<typeof confidenceSubject>;

/** Each person with their counts, percentages on the base and band, under one preset. */
function confidenceRows(count: ConfidenceCount): ConfidenceJson[] {
	const bands = bandsWorded(count.preset);
	return count.people.map(({ subject, figures }, index) => ({
		number: index + 1,
		fullName: subject.fullName,
		jobTitle: subject.jobTitle,
		counts: figures.counts,
		percent: figures.percent,
		band: bands.find((band) => band.id === figures.band?.id) ?? null
	}));
}

function bandsWorded(preset: ConfidencePreset) {
	return preset.bands.map((band) => ({
		id: band.id,
		condition: bandCondition(band, preset),
		consequence: localized(band.consequence),
		article: localized(band.article)
	}));
}

function baseOf(count: ConfidenceCount) {
	const { base } = count.totals;
	return { ...base, text: baseSentence(base, count.preset) };
}

/** Texts (preset names, wording) are taken in the current language. */
export function resultsExport(report: Report, committee: CommitteeMember[]): ResultsExport {
	const { session } = report;
	const rules = session.rules;
	const { totals } = report;
	const period = rules.kind === 'appraisal' ? rules.period : null;
	const confidence = report.kind === 'confidence' ? report : null;
	const countEndedAt = session.countEndedAt ?? session.closedAt;
	return {
		format: 'phieukin.results',
		version: 2,
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
			published: session.publishedAt !== null,
			countEndedAt: countEndedAt ? countEndedAt.toISOString() : null
		},
		rules: {
			id: rules.preset.id,
			name: localized(rules.preset.name),
			source: localized(rules.preset.source),
			...(rules.kind === 'confidence'
				? {
						status: rules.preset.status,
						note: rules.preset.note ? localized(rules.preset.note) : null,
						issuer: rules.preset.issuer,
						bands: bandsWorded(rules.preset),
						capSource: null
					}
				: {
						status: 'in_force' as const,
						note: null,
						issuer: rules.preset.issuer,
						bands: [],
						capSource: rules.preset.cap ? localized(rules.preset.cap.source) : null
					})
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
			quorumBinding: totals.quorum.binding,
			quorumOverrideReason: session.quorumOverrideReason,
			base: confidence ? baseOf(confidence) : null,
			issuedBeyondPresentReasons: totals.issuedBeyondPresentReasons,
			bandsApply: confidence ? confidence.totals.bandsApply : null,
			bandsWithheld: confidence ? confidence.totals.bandsWithheld : null
		},
		reconciliation: reconcile(totals),
		committee: committee.map(({ fullName, roleTitle }) => ({ fullName, roleTitle })),
		confidence: confidence ? confidenceRows(confidence) : null,
		correction: confidence?.corrected
			? {
					rulesId: confidence.corrected.preset.id,
					rulesName: localized(confidence.corrected.preset.name),
					bands: bandsWorded(confidence.corrected.preset),
					base: baseOf(confidence.corrected),
					bandsApply: confidence.corrected.totals.bandsApply,
					bandsWithheld: confidence.corrected.totals.bandsWithheld,
					confidence: confidenceRows(confidence.corrected)
				}
			: null,
		appraisal: report.kind === 'appraisal' ? appraisalPart(report) : null
	};
}

function appraisalPart(report: Extract<Report, { kind: 'appraisal' }>): ResultsExport['appraisal'] {
	const nameOf = (id: string) =>
		report.rows.find((row) => row.subject.id === id)?.subject.fullName ?? '';
	const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
	const firstTie = report.cap.groups.find((group) => group.tie)?.tie;
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
		// Interim: the groups summed until the export model carries each group (issue 14).
		cap: report.rules.preset.cap
			? {
					allowed: sum(report.cap.groups.map((group) => group.allowed)),
					candidates: sum(report.cap.groups.map((group) => group.candidates)),
					goodBefore: sum(report.cap.groups.map((group) => group.goodBefore)),
					moved: report.cap.moves.filter((move) => !move.tied).map((move) => nameOf(move.id)),
					tie: firstTie ? { names: firstTie.ids.map(nameOf), slots: firstTie.slots } : null
				}
			: null
	};
}
