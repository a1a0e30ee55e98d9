/**
 * Score-sheet templates: the regulation's default, and the ones an organiser saved for reuse.
 */
import { and, desc, eq } from 'drizzle-orm';
import { DEFAULT_CRITERIA, type Criterion } from '$lib/tally/score-template';
import type { AppDatabase } from '../db';
import { scoreTemplate } from '../db/schema';
import { generateId } from '../db/ids';
import { readCriteria } from './stored-presets';
import type { SessionDetails } from './lifecycle';

export interface SavedTemplate {
	id: string;
	name: string;
	criteria: Criterion[];
}

export function listTemplates(db: AppDatabase, ownerId: string): SavedTemplate[] {
	return db
		.select()
		.from(scoreTemplate)
		.where(eq(scoreTemplate.ownerId, ownerId))
		.orderBy(desc(scoreTemplate.createdAt))
		.all()
		.map((row) => ({ id: row.id, name: row.name, criteria: readCriteria(row.criteria) }));
}

export function saveTemplate(
	db: AppDatabase,
	ownerId: string,
	name: string,
	criteria: Criterion[]
): string {
	const id = generateId();
	db.insert(scoreTemplate).values({ id, ownerId, name, criteria, createdAt: new Date() }).run();
	return id;
}

/**
 * The criteria a form asked for: `default`, `current` (the session's own, if any), or the id of
 * one of the owner's saved templates. `null` when the id names nothing the owner has.
 */
export function resolveCriteria(
	db: AppDatabase,
	ownerId: string,
	templateId: string | null,
	current: Criterion[] | null
): Criterion[] | null {
	if (!templateId || templateId === 'default') return DEFAULT_CRITERIA.map((c) => ({ ...c }));
	if (templateId === 'current') return current ?? DEFAULT_CRITERIA.map((c) => ({ ...c }));
	const row = db
		.select()
		.from(scoreTemplate)
		.where(and(eq(scoreTemplate.id, templateId), eq(scoreTemplate.ownerId, ownerId)))
		.get();
	return row ? readCriteria(row.criteria) : null;
}

/**
 * Gives a score-sheet session the criteria its form asked for (see `resolveCriteria`);
 * `false` when the template named is not the owner's.
 */
export function applyCriteria(
	db: AppDatabase,
	ownerId: string,
	details: SessionDetails,
	templateId: string | null,
	current: Criterion[] | null
): boolean {
	if (details.rules.kind !== 'appraisal' || details.rules.mode !== 'scores') return true;
	const criteria = resolveCriteria(db, ownerId, templateId, current);
	if (!criteria) return false;
	details.rules.criteria = criteria;
	return true;
}
