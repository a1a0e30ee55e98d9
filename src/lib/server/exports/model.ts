/**
 * One model of a closed session's figures, from which every export is drawn (JSON, CSV, XLSX
 * and the minutes PDF), so that all of them carry the same figures. In the model every
 * percentage and every point figure is an integer number of hundredths, exactly as the tally
 * rounded it; only a format turns it into text or a spreadsheet number. Its zod schema is also
 * the JSON format, where those hundredths are written as decimals (90.1 for 9010): `encode` turns
 * the model into JSON, and docs/results.schema.json is generated from the JSON side.
 */
import { z } from 'zod';
import { reconcile } from '$lib/tally/confidence';
import type { CommitteeMember } from '../sessions/committee';
import { amendedGrades, type Amendment } from '../results/amendments';
import type { ConfidencePreset } from '$lib/tally/presets';
import { bandCondition, baseSentence, localized, periodText } from '$lib/wording';
import type { ConfidenceCount, Report } from '../results/count';
import { appraisalExportSchema, appraisalPart } from './appraisal-model';
import { count, grade, percent } from './fields';

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

/**
 * A correction of the published result, dated, with who made it and why: in words, or an
 * appraisal's corrected final grade for one person. The published figures never change.
 */
const amendmentSchema = z.strictObject({
	at: z.iso.datetime(),
	by: z.string().nullable(),
	reason: z.string(),
	correction: z.string(),
	grade: z
		.strictObject({
			number: z.number().int().positive(),
			fullName: z.string(),
			/** The grade as it stood: an earlier amendment's, the final grade, or the collective result. */
			before: grade,
			after: grade.unwrap()
		})
		.nullable()
});

export const resultsExportSchema = z.strictObject({
	format: z.literal('phieukin.results'),
	version: z.literal(4),
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
				label: z.string().nullable(),
				/** The period in words: "Quý III năm 2026". */
				text: z.string()
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
	appraisal: appraisalExportSchema.nullable(),
	/** Oldest first; a person's effective final grade is their latest amendment's. */
	amendments: z.array(amendmentSchema)
});

/** The model: every percentage and point figure in integer hundredths. */
export type ResultsExport = z.output<typeof resultsExportSchema>;
/** The JSON export, as written to the file. */
export type ResultsJson = z.input<typeof resultsExportSchema>;

export function resultsJson(model: ResultsExport): ResultsJson {
	return resultsExportSchema.encode(model);
}

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

function amendmentOf({ at, who, reason, correction, grade }: Amendment) {
	return {
		at: at.toISOString(),
		by: who,
		reason,
		correction,
		grade: grade
			? { number: grade.number, fullName: grade.fullName, before: grade.before, after: grade.after }
			: null
	};
}

/** Texts (preset names, wording) are taken in the current language. */
export function resultsExport(
	report: Report,
	committee: CommitteeMember[],
	amendments: Amendment[]
): ResultsExport {
	const { session } = report;
	const rules = session.rules;
	const { totals } = report;
	const period = rules.kind === 'appraisal' ? rules.period : null;
	const confidence = report.kind === 'confidence' ? report : null;
	const countEndedAt = session.countEndedAt ?? session.closedAt;
	return {
		format: 'phieukin.results',
		version: 4,
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
						label: period.kind === 'term' ? period.label : null,
						text: periodText(period)
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
						note: rules.preset.note ? localized(rules.preset.note) : null,
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
		appraisal:
			report.kind === 'appraisal' ? appraisalPart(report, amendedGrades(amendments)) : null,
		amendments: amendments.map(amendmentOf)
	};
}
